"""Chart captions name the observations' sources by title and date, not by id (issue 10)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DATA, TARGETS, Cli

OBS_2020 = DATA / "observations" / "2020.yaml"
# data/observations/2020.yaml: source gso_cb_2020_12, "Báo cáo tình hình kinh tế xã hội tháng 12 và
# năm 2020", dated 2020-12-29; it reports GRDP growth for 2020.
# Several sources share a caption line: a title is cut to 45 characters, between words.
TITLE_2020 = "Báo cáo tình hình kinh tế xã hội tháng 12 và…"


def _captions(svg: str) -> list[str]:
    return re.findall(r'<text x="8" y="\d+" font-size="10" fill="#555">([^<]*)</text>', svg)


def test_show_chart_caption_gives_title_and_date(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "g.svg"
    args = ["show", "grdp_growth", "--file", str(TARGETS), "--file", str(OBS_2020), "--chart", str(out)]
    assert cli(args).exit_code == 0
    vi = _captions(out.read_text(encoding="utf-8"))
    assert vi[1] == f"số liệu theo năm: {TITLE_2020} (29/12/2020)"
    assert cli([*args, "--lang", "en"]).exit_code == 0
    en = _captions(out.read_text(encoding="utf-8"))
    assert en[1] == f"yearly figures: {TITLE_2020} (2020-12-29)"
    assert "gso_cb_2020_12" not in vi[1] + en[1]


def test_undated_source_by_title_alone(tmp_path: Path, cli: Cli) -> None:
    # 2023.yaml's hdnd_cb_2023_yearend has no date: its (long) title, shortened to 45 characters
    out = tmp_path / "t.svg"
    obs = DATA / "observations" / "2023.yaml"
    args = ["show", "trade_turnover", "--file", str(TARGETS), "--file", str(obs), "--chart", str(out), "--lang", "en"]
    assert cli(args).exit_code == 0
    caption = _captions(out.read_text(encoding="utf-8"))[1]
    assert caption == "yearly figures: Phấn đấu quyết liệt hoàn thành cao nhất các…"
    assert "hdnd_cb_2023_yearend" not in caption


def test_html_report_captions_give_titles(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "r.html"
    assert cli(["export", str(TARGETS), str(OBS_2020), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    figure = page[page.index('id="chart-grdp_growth"') :]
    figure = figure[: figure.index("</figure>")]
    assert f"số liệu theo năm: {TITLE_2020} (29/12/2020)" in figure
    assert "gso_cb_2020_12" not in figure


def test_html_report_names_the_indicator_of_two_targets(tmp_path: Path, cli: Cli) -> None:
    # trade turnover has two 2025 targets (+10 %/yr and over 4.5 billion USD): the note names it
    out = tmp_path / "r.html"
    assert cli(["export", str(TARGETS), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "• Hai mục tiêu về Tổng kim ngạch xuất, nhập khẩu qua địa bàn: tăng bình quân 10%/năm" in page
    assert "Hai mục tiêu của trade_turnover" not in page
