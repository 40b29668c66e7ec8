"""Text from the data made safe for terminals, diagnostics, GitHub annotations and spreadsheets."""

from __future__ import annotations

from cbkpi.diagnostics import Diagnostic
from cbkpi.render.diagnostics import as_github, as_text
from cbkpi.render.tabular import to_csv, to_markdown
from cbkpi.safe_text import escape_control, github_property, neutralise_formula


def test_escape_control_writes_controls_visibly() -> None:
    assert escape_control("a\x1b[31mb\nc\rd\te\x7f\x9b") == "a\\x1b[31mb\\nc\\rd\\te\\x7f\\x9b"
    assert escape_control("x\u2028y\u202ez") == "x\\u2028y\\u202ez"


def test_escape_control_keeps_vietnamese() -> None:
    assert escape_control("Tỷ lệ che phủ rừng, Cao Bằng 7,0 %") == "Tỷ lệ che phủ rừng, Cao Bằng 7,0 %"


def test_diagnostic_is_one_line_whatever_the_file_name_and_message() -> None:
    d = Diagnostic("a\n::error file=x::forged.yaml", 3, 4, "name \x1b]0;pwn\x07 bad\nx.yaml:1:1: error fake")
    assert d.format() == (
        "a\\n::error file=x::forged.yaml:3:4: error name \\x1b]0;pwn\\x07 bad\\nx.yaml:1:1: error fake (invalid)"
    )
    assert as_text([d], ["f"]).count("\n") == 1  # the diagnostic and the summary


def test_github_annotation_escapes_properties_and_data() -> None:
    d = Diagnostic("a,b:c%\n.yaml", 2, 1, "50% done\r\n::error::forged")
    first = as_github([d], ["f"]).splitlines()[0]
    assert (
        first == "::error file=a%2Cb%3Ac%25%0A.yaml,line=2,col=1,title=cbkpi invalid::50%25 done%0D%0A::error::forged"
    )
    assert github_property("x:y,z") == "x%3Ay%2Cz"


def test_neutralise_formula() -> None:
    assert neutralise_formula('=HYPERLINK("http://e.vn","x")') == '\'=HYPERLINK("http://e.vn","x")'
    assert neutralise_formula("+1+1") == "'+1+1"
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula("\tcmd") == "'\tcmd"
    assert neutralise_formula("\r=1") == "'\r=1"
    # Signed numbers as the CSV prints them stay numbers.
    assert neutralise_formula("-1,5") == "-1,5"
    assert neutralise_formula("+3.0 %") == "+3.0 %"
    assert neutralise_formula("Tỷ lệ") == "Tỷ lệ"


def test_csv_cells_starting_a_formula_stay_text() -> None:
    assert to_csv(["name", "v"], [["=1+1", -2.5]]) == "name,v\n'=1+1,-2.5\n"


def test_markdown_cells_cannot_break_the_table() -> None:
    out = to_markdown(["a"], [["x|y\r\nz <b>&"]])
    assert out == "| a |\n|---|\n| x\\|y\\r\\nz &lt;b&gt;&amp; |\n"
