"""The commands' own errors in Vietnamese and English (issue 10, item 7): reading the data, file
names, refused outputs, ``init``, the models' checks and ``validate``'s last line. Each expected
text is written here in both languages; ``--lang`` chooses where a command has it, else
``CBKPI_LANG`` (English when unset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, TARGETS, Cli

OBS_2024 = DATA / "observations" / "2024.yaml"


def _forest(tmp_path: Path, old: str, new: str) -> Path:
    """The bundled targets with one edit inside forest cover's entry (indicator 14)."""
    text = TARGETS.read_text(encoding="utf-8")
    start = text.index("  - id: forest_cover")
    assert old in text[start:]
    path = tmp_path / "in.yaml"
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "cbkpi: chưa nêu tệp dữ liệu nào và cũng không tìm thấy tệp nào trong {folder}/"),
        ("en", "cbkpi: no data files given and none found under {folder}/"),
    ],
)
def test_no_data_files(lang: str, expected: str, tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = cli(["status", "--data-dir", str(folder), "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr.strip() == expected.format(folder=folder)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            "cbkpi: trong các tệp đã nêu không có tệp mục tiêu hay tệp kết quả nào "
            "(số liệu theo năm phải đi kèm một tệp như vậy)",
        ),
        ("en", "cbkpi: no targets or results file among the files given (observations need one)"),
    ],
)
def test_observations_alone(lang: str, expected: str, tmp_path: Path, cli: Cli) -> None:
    observations = tmp_path / "o.yaml"
    observations.write_text("observations: []\n", encoding="utf-8")
    result = cli(["status", str(observations), "--data-dir", str(tmp_path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr.strip() == expected


def test_as_of_outside_the_term_in_vietnamese(cli: Cli) -> None:
    result = cli(["status", str(TARGETS), str(OBS_2024), "--as-of", "2031"])  # --lang vi, the default
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == "cbkpi: --as-of 2031 nằm ngoài nhiệm kỳ (2020-2025); hãy chọn một năm trong nhiệm kỳ"
    )


def test_unknown_term_in_vietnamese(cli: Cli) -> None:
    result = cli(["status", str(TARGETS), "--term", "2031"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "cbkpi: các tệp đã đọc không có nhiệm kỳ '2031'; các nhiệm kỳ có: 2020-2025 (hoặc ghi năm kết thúc)"
    )


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["--format", "html", "-o", "r.xlsx"],
            "cbkpi: --format html không khớp với tên tệp 'r.xlsx' (tệp .xlsx chứa xlsx); "
            "hãy đặt tên tệp *.html hoặc bỏ --format",
            "cbkpi: --format html contradicts the file name 'r.xlsx' (.xlsx holds xlsx); "
            "name the file *.html or drop --format",
        ),
        (
            ["--format", "json", "-o", "r.csv"],
            "cbkpi: --format json không khớp với tên tệp 'r.csv' (tệp .csv chứa csv hoặc csv-keys); "
            "hãy đặt tên tệp *.json hoặc bỏ --format",
            "cbkpi: --format json contradicts the file name 'r.csv' (.csv holds csv or csv-keys); "
            "name the file *.json or drop --format",
        ),
        (
            ["-o", "r.txt"],
            "cbkpi: không đoán được định dạng của 'r.txt' từ đuôi tệp "
            "(.xlsx, .csv, .json, .md, .markdown, .html, .htm); hãy thêm --format",
            "cbkpi: cannot tell the format of 'r.txt' from its extension "
            "(.xlsx, .csv, .json, .md, .markdown, .html, .htm); give --format",
        ),
        (
            ["-o", "-"],
            "cbkpi: -o - (ghi ra đầu ra chuẩn) cần kèm --format",
            "cbkpi: -o - (standard output) needs --format",
        ),
    ],
)
def test_export_file_names(
    args: list[str], vi: str, en: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("vi", vi), ("en", en)):
        result = cli(["export", str(TARGETS), "--lang", lang, *args])
        assert result.exit_code == 2
        assert result.stderr.strip() == expected


def test_refused_outputs_in_both_languages(tmp_path: Path, cli: Cli) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "targets_2025.yaml").write_bytes(TARGETS.read_bytes())
    existing = tmp_path / "old.yaml"
    existing.write_text("a: 1\n", encoding="utf-8")
    cases = [
        (
            data / "r.json",
            f"cbkpi: {data / 'r.json'} nằm trong thư mục dữ liệu {data}/; cbkpi không bao giờ ghi vào đó",
            f"cbkpi: {data / 'r.json'} is inside the data folder {data}/; cbkpi never writes there",
        ),
        (
            existing,
            f"cbkpi: {existing} là tệp YAML đã có; cbkpi không ghi đè tệp YAML",
            f"cbkpi: {existing} is an existing YAML file; cbkpi does not overwrite YAML",
        ),
        (
            tmp_path / "nowhere" / "r.json",
            f"cbkpi: thư mục {tmp_path / 'nowhere'} không tồn tại",
            f"cbkpi: folder {tmp_path / 'nowhere'} does not exist",
        ),
    ]
    for out, vi, en in cases:
        for lang, expected in (("vi", vi), ("en", en)):
            result = cli(["export", "--data-dir", str(data), "-f", "json", "-o", str(out), "--lang", lang])
            assert result.exit_code == 2
            assert result.stderr.strip() == expected
    result = cli(["export", "--data-dir", str(data), "-f", "json", "-o", str(tmp_path), "--lang", "vi"])
    assert result.stderr.strip() == f"cbkpi: {tmp_path} là một thư mục; hãy ghi tên một tệp"


def test_refused_device(cli: Cli) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    result = cli(["export", str(TARGETS), "-f", "json", "-o", "/dev/null"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "cbkpi: /dev/null là một thiết bị ký tự; cbkpi chỉ ghi vào tệp thông thường"


def test_chart_names_and_sizes_in_vietnamese(tmp_path: Path, cli: Cli) -> None:
    args = ["show", "forest_cover", "--file", str(TARGETS)]
    gif = cli([*args, "--chart", str(tmp_path / "r.gif")])
    assert gif.exit_code == 2
    assert gif.stderr.strip() == f"cbkpi: tên tệp biểu đồ phải kết thúc bằng .png hoặc .svg: '{tmp_path / 'r.gif'}'"
    big = cli([*args, "--chart", str(tmp_path / "r.svg"), "--chart-size", "big"])
    assert big.stderr.strip() == "cbkpi: kích thước 'big' không đúng dạng RỘNGxCAO tính bằng điểm ảnh, ví dụ 1200x600"
    huge = cli([*args, "--chart", str(tmp_path / "r.svg"), "--chart-size", "9000x100", "--lang", "en"])
    assert huge.stderr.strip() == "cbkpi: size '9000x100': width and height must be 200 to 4000 pixels"


@pytest.mark.parametrize(
    ("lang", "order", "exists"),
    [
        ("vi", "cbkpi: năm --start 2030 phải trước năm --end 2025", "đã có; cbkpi không ghi đè (hãy chọn tên khác)"),
        ("en", "cbkpi: --start 2030 is not before --end 2025", "already exists; not overwritten (choose another name)"),
    ],
)
def test_init_by_cbkpi_lang(
    lang: str, order: str, exists: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)  # init has no --lang
    result = cli(["init", str(tmp_path / "t.yaml"), "--start", "2030", "--end", "2025"])
    assert result.exit_code == 2
    assert result.stderr.strip() == order
    assert cli(["init", str(TARGETS)]).stderr.strip() == f"cbkpi: {TARGETS} {exists}"


@pytest.mark.parametrize(
    ("lang", "failed", "ok"),
    [
        ("vi", "1 lỗi, 0 cảnh báo trong 1 tệp", "ổn: 1 tệp hợp lệ"),
        ("en", "1 error(s), 0 warning(s) in 1 file(s)", "ok: 1 file(s) valid"),
    ],
)
def test_validate_summary(
    lang: str, failed: str, ok: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)
    assert cli(["validate", str(TARGETS)]).output.splitlines()[-1] == ok
    bad = _forest(tmp_path, "      value: 55\n", "      value: 55,5\n")
    assert cli(["validate", str(bad)]).output.splitlines()[-1] == failed


RANGE = "      - kind: level\n        comparator: reach\n        value: 60\n"
INVERTED = "      - kind: level_range\n        low: 70\n        high: 65\n"


@pytest.mark.parametrize(
    ("old", "new", "vi", "en"),
    [
        (
            'ref: {line: 67, quote: "tỉ lệ độ che phủ rừng đạt 55%"}',
            "ref: {}",
            "ref cần 'line' (dòng trong văn kiện), 'quote' (trích nguyên văn) hoặc cả hai",
            "a ref needs a 'line', a 'quote' or both",
        ),
        (
            "      value: 55\n",
            "      value: 55\n      from_observations: true\n",
            "chỉ ghi một trong hai: 'value' hoặc 'from_observations: true'",
            "give either 'value' or 'from_observations: true', not both",
        ),
        (
            "      value: 55\n",
            "",
            "cần 'value' (ghi null nếu chưa biết) hoặc 'from_observations: true'",
            "'value' is required (null when unknown), or 'from_observations: true'",
        ),
        (
            RANGE,
            INVERTED,
            "mức thấp (low) 70 phải nhỏ hơn mức cao (high) 65",
            "low 70 is not below high 65; expected low < high",
        ),
        (
            "      value: 55\n",
            "      value: .nan\n",
            "cần một số hữu hạn, nhưng đây là NaN hoặc vô cực",
            "expected a finite number, got NaN or infinity",
        ),
    ],
)
def test_model_checks_in_both_languages(
    old: str, new: str, vi: str, en: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _forest(tmp_path, old, new)
    english = cli(["validate", str(path)]).output
    assert en in english
    monkeypatch.setenv("CBKPI_LANG", "vi")
    vietnamese = cli(["validate", str(path)]).output
    assert vi in vietnamese
    assert "Value error" not in english + vietnamese


# -- locations name the indicator (issue 10, item 3) ---------------------------------------------
def _indicator_errors(tmp_path: Path) -> tuple[Path, Path]:
    """Forest cover (indicator 14, the 31st of the list) with a schema error, and with a
    reviewer's error (a target year after the term)."""
    schema = _forest(tmp_path, "      year: 2020\n      value: 55\n", "      year: 1800\n      value: 55\n")
    checks = tmp_path / "checks.yaml"
    text = TARGETS.read_text(encoding="utf-8")
    start = text.index("  - id: forest_cover")
    checks.write_text(text[:start] + text[start:].replace("        year: 2025\n", "        year: 2031\n", 1), "utf-8")
    return schema, checks


@pytest.mark.parametrize(
    ("lang", "schema_error", "check_error"),
    [
        (
            "en",
            "indicators.30.baseline.year [indicator 14 (forest_cover)]: 1800 is too small: expected at least 1900",
            "indicator 14 (forest_cover): year 2031 is outside the term 2020-2025 (year)",
        ),
        (
            "vi",
            "indicators.30.baseline.year [chỉ tiêu 14 (forest_cover)]: 1800 quá nhỏ: phải từ 1900 trở lên",
            "chỉ tiêu 14 (forest_cover): year 2031 nằm ngoài nhiệm kỳ 2020-2025 (year)",
        ),
    ],
)
def test_locations_name_the_indicator_in_text_and_github(
    lang: str, schema_error: str, check_error: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)
    schema, checks = _indicator_errors(tmp_path)
    text = cli(["validate", str(schema)]).output.splitlines()
    assert text[0] == f"{schema}:629:13: error {schema_error} (greater_than_equal)"
    github = cli(["validate", str(schema), "--format", "github"]).output.splitlines()
    assert github[0].endswith(f"::{schema_error}")
    checked = cli(["validate", str(checks)]).output.splitlines()
    assert checked[0] == f"{checks}:638:15: error {check_error}"


def test_json_diagnostics_carry_the_indicator(tmp_path: Path, cli: Cli) -> None:
    import json

    schema, checks = _indicator_errors(tmp_path)
    for path in (schema, checks):
        doc = json.loads(cli(["validate", str(path), "--format", "json"]).output)
        (diag,) = doc["diagnostics"]
        assert (diag["indicator"], diag["indicator_number"]) == ("forest_cover", "14")
    top = tmp_path / "top.yaml"
    top.write_text(TARGETS.read_text(encoding="utf-8").replace("term: {start: 2020", "term: {start: 1800", 1), "utf-8")
    doc = json.loads(cli(["validate", str(top), "--format", "json"]).output)
    assert doc["diagnostics"][0]["message"].startswith("term.start: ")  # outside the indicators: no name
    assert (doc["diagnostics"][0]["indicator"], doc["diagnostics"][0]["indicator_number"]) == (None, None)


@pytest.mark.parametrize(
    ("old", "new", "vi", "en"),
    [
        (
            "    unit: percent\n",
            "    unit: hectares\n",
            "chỉ tiêu 14 (forest_cover): không có đơn vị 'hectares'; chỉ nhận: beds_per_10k,",
            "indicator 14 (forest_cover): unknown unit 'hectares'; expected one of: beds_per_10k,",
        ),
        (
            "      value: 55\n",
            "      value: 120\n",
            "chỉ tiêu 14 (forest_cover): giá trị cơ sở 120 vượt quá 100.0 %, không thể có với đơn vị này (range)",
            "indicator 14 (forest_cover): baseline 120 is above 100.0 %, impossible for this unit (range)",
        ),
        (
            "  - id: forest_cover\n",
            "  - id: grdp_growth\n",
            "chỉ tiêu 14 (grdp_growth): mã chỉ tiêu 'grdp_growth' bị trùng (lần đầu ở dòng ",
            "indicator 14 (grdp_growth): duplicate indicator id 'grdp_growth' (first at line ",
        ),
    ],
)
def test_reviewer_checks_in_both_languages(
    old: str, new: str, vi: str, en: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _forest(tmp_path, old, new)
    assert en in cli(["validate", str(path)]).output
    monkeypatch.setenv("CBKPI_LANG", "vi")
    assert vi in cli(["validate", str(path)]).output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ":21:16: error không có chỉ tiêu mã 'grdp_grwth'; có phải là 'grdp_growth'? (unknown-id)"),
        ("en", ":21:16: error unknown indicator id 'grdp_grwth'; did you mean 'grdp_growth'? (unknown-id)"),
    ],
)
def test_observation_checks_in_both_languages(
    lang: str, expected: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)
    # data/observations/2024.yaml's first observation (line 21) with its id mistyped
    observations = tmp_path / "o.yaml"
    text = OBS_2024.read_text(encoding="utf-8")
    observations.write_text(text.replace("indicator: grdp_growth", "indicator: grdp_grwth", 1), encoding="utf-8")
    lines = cli(["validate", str(TARGETS), str(observations)]).output.splitlines()
    assert lines[0] == f"{observations}{expected}"


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        (
            "source: x\nterm: x\nsource: y\n",
            "3:1: error khóa 'source' bị lặp (lần đầu ở dòng 1); mỗi khóa chỉ được ghi một lần (duplicate-key)",
            "3:1: error duplicate key 'source' (first at line 1); each key may appear once (duplicate-key)",
        ),
        (
            "# only a comment\n",
            "1:1: error tệp trống (hoặc chỉ có chú thích); cần các cặp 'khóa: giá trị' của YAML (empty)",
            "1:1: error the file is empty (or holds only comments); expected a YAML mapping (empty)",
        ),
        (
            "- a\n- b\n",
            "1:1: error cấp ngoài cùng là một danh sách; cần các khóa 'source', 'term', 'kind' và 'indicators' (type)",
            "1:1: error the top level is a list; expected a mapping with 'source', 'term', 'kind' and 'indicators' (type)",
        ),
    ],
)
def test_yaml_reader_in_both_languages(
    text: str, vi: str, en: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli(["validate", str(path)]).output.splitlines()[0] == f"{path}:{en}"
    monkeypatch.setenv("CBKPI_LANG", "vi")
    assert cli(["validate", str(path)]).output.splitlines()[0] == f"{path}:{vi}"


def test_missing_file_in_vietnamese(tmp_path: Path, cli: Cli) -> None:
    result = cli(["status", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'none.yaml'}: error không có tệp này (unreadable)"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--lang", "vi"],
            "Lỗi: giá trị không hợp lệ cho BASELINE: '1.650' có thể hiểu hai cách: 1.650 theo cách viết "
            "Việt Nam, 1,65 theo cách viết tiếng Anh; hãy thêm --notation vi hoặc --notation en",
        ),
        (
            ["--lang", "en"],
            "Error: Invalid value for BASELINE: '1.650' is ambiguous: 1,650 in Vietnamese notation, "
            "1.65 in English notation; add --notation vi or --notation en",
        ),
    ],
)
def test_calc_number_errors_follow_lang(args: list[str], expected: str, cli: Cli) -> None:
    # 1.650 is 1650 in Vietnamese notation and 1.65 in English notation: refused, not guessed
    result = cli(["calc", "required", "1.650", "2000", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == expected


def test_calc_notation_error_in_vietnamese(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    result = cli(["calc", "required", "abc", "2000", "--notation", "vi"])
    assert result.stderr.splitlines()[-1] == (
        "Lỗi: giá trị không hợp lệ cho BASELINE: 'abc' không phải số viết theo kiểu vi (ví dụ 4,5 hoặc 1.650)"
    )
