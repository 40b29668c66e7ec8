"""Run every hostile case and print a Markdown table: case | exit code | message excerpt.

    python tests/hostile/report.py            # all cases
    python tests/hostile/report.py -k syntax  # the cases whose id contains "syntax"

A case that misbehaves (wrong exit code, traceback, no location, too slow or too big) is marked
FAIL with the reason; the script exits 1 when any case does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CASES, arguments, excerpt, problems, run_cbkpi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-k", default="", help="only the cases whose id contains this text")
    opts = parser.parse_args()
    failed = 0
    print("| case | exit code | message excerpt | s | MB |")
    print("|---|---|---|---|---|")
    for case in CASES:
        if opts.k not in case.id:
            continue
        if case.skip is not None and (reason := case.skip()):
            print(f"| {case.id} | skipped | {reason} | | |")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            run = run_cbkpi(arguments(case, d), d)
            found = problems(case, run, d)
        code = str(run.code) if not found else f"{run.code} FAIL: {'; '.join(found)}"
        failed += bool(found)
        print(f"| {case.id} | {code} | `{excerpt(run)}` | {run.seconds:.2f} | {run.max_rss_mb:.0f} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
