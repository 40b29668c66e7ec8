"""The starter targets file that ``cbkpi init`` writes: valid as written, with one commented
example of every target kind and of a unit and an area declaration.

Pure text: no files, no terminal. The examples use the term's own years; their figures are
placeholders to replace with the source's, never data.
"""

from __future__ import annotations

EXAMPLES_BEGIN = "# ---- examples (remove '# ' to use one; replace every figure and quote with the source's)"
EXAMPLES_END = "# ---- end of examples"

_TEMPLATE = """\
# yaml-language-server: $schema=../schema/cbkpi-data.schema.json
# A targets file for cbkpi (docs/data-format.md describes every key). The schema line above lets
# an editor check the file as you type: keep the file under data/ next to schema/, or point the
# line at the output of `cbkpi schema > cbkpi-data.schema.json`.
#
# Every figure must be traceable: a ref gives the line of a source text file (`line`), the exact
# quote of a web source (`quote`), or both. Unknown figures are null, never guessed.
# Check the file with: cbkpi validate THIS_FILE
source:
  title: "TODO: the title of the resolution or article the targets are quoted from"
  publisher: "TODO: who published it"
  date: null  # the publication date, e.g. {end}-01-31
  url: "https://example.org/TODO"  # or file: NAME.txt for a text file under the source folder
# Further sources, named by a ref's `source: ID`:
# sources:
#   - {{id: statistics_{start}, title: "TODO", publisher: "TODO", date: null, url: "https://example.org/TODO"}}
term: {{start: {start}, end: {end}}}
kind: targets
# Units beyond the built-in ones (`cbkpi units` lists them); kind: share, rate, points, amount or none.
# units:
#   - {{key: visitor_trips, vi: "lượt khách", en: "visitor trips", kind: amount}}
# Areas beyond the built-in ones (economy, culture_society, environment, party_building).
# areas:
#   - {{key: tourism, vi: "Du lịch", en: "Tourism"}}
indicators:
  - id: example_indicator
    name: {{vi: "TODO: tên chỉ tiêu", en: "TODO: indicator name"}}
    area: economy
    unit: percent
    baseline: {{year: {start}, value: null, note: "TODO: the {start} value and its ref, or null if unknown"}}
    targets:
      - kind: level
        comparator: at_least
        value: null  # TODO: the figure the source prints
        year: {end}
        ref: {{quote: "TODO: the exact sentence of the source"}}
{examples_begin}
#      # a level by a year: "đạt 60% trở lên vào năm {end}"
#      - {{kind: level, comparator: at_least, value: 60, year: {end}, ref: {{quote: "TODO"}}}}
#      # a level within a range by a year: "từ 75-80 triệu đồng/người"
#      - {{kind: level_range, low: 75, high: 80, year: {end}, ref: {{quote: "TODO"}}}}
#      # an average growth rate: "tăng bình quân 10%/năm trở lên"
#      - {{kind: growth_rate, comparator: at_least, value: 10, start_year: {start}, end_year: {end}, ref: {{quote: "TODO"}}}}
#      # a count per year: "mỗi năm 2 trường"
#      - {{kind: count_per_year, comparator: at_least, value: 2, start_year: {start}, end_year: {end}, unit: schools, ref: {{quote: "TODO"}}}}
#      # a count per year within a range: "từ 1.500 đến 1.600 đảng viên mỗi năm"
#      - {{kind: count_per_year_range, low: 1500, high: 1600, start_year: {start}, end_year: {end}, unit: party_members, ref: {{quote: "TODO"}}}}
#      # a fall in percentage points per year: "giảm bình quân 3%/năm trở lên"
#      - {{kind: points_reduction_per_year, comparator: at_least, value: 3, start_year: {start}, end_year: {end}, ref: {{quote: "TODO"}}}}
#      # keep a level: "duy trì 15"
#      - {{kind: maintain, value: 15, year: {end}, ref: {{quote: "TODO"}}}}
#      # an event by a year
#      - {{kind: milestone, description: {{vi: "TODO", en: "TODO"}}, year: {end}, ref: {{quote: "TODO"}}}}
#      # a target judged in words
#      - {{kind: qualitative, description: {{vi: "TODO", en: "TODO"}}, ref: {{quote: "TODO"}}}}
{examples_end}
"""


def starter_text(start: int, end: int) -> str:
    """The starter file for a term ``start``-``end``."""
    return _TEMPLATE.format(start=start, end=end, examples_begin=EXAMPLES_BEGIN, examples_end=EXAMPLES_END)
