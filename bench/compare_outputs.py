"""Run about 80 cbkpi commands on the bundled data and keep their outputs, to diff two versions.

    python bench/compare_outputs.py /tmp/before      # on the old code
    python bench/compare_outputs.py /tmp/after       # on the new code
    diff -r /tmp/before /tmp/after                   # must print nothing

Each command's standard output, standard error and exit code go to one file named after the
command. A speed-up of start-up (lazy imports, cheaper model classes, table layout) must leave
every byte of every output as it was: this script is how that is checked. It compares a version
with another; it holds no expected output of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IDS = ["trade_turnover", "forest_cover", "grdp_growth", "poverty_rate", "14"]
WIDTHS = [60, 80, 100, 120, 200]
LANGS = ["vi", "en"]


def commands() -> list[list[str]]:
    cmds: list[list[str]] = []
    for lang in LANGS:
        for width in WIDTHS:
            cmds.append(["status", "--lang", lang, "--width", str(width)])
        for fmt in ["json", "csv", "csv-keys", "markdown"]:
            cmds.append(["status", "--lang", lang, "--format", fmt])
        for extra in (["--as-of", "2024"], ["--as-of", "2025"], ["--term", "2025-2030"], ["--baseline", "published"]):
            cmds.append(["status", "--lang", lang, "--width", "100", *extra])
        cmds.append(["status", "--lang", lang, "--format", "json", "--as-of", "2024"])
        for fmt in ["text", "json", "markdown"]:
            cmds.append(["audit", "--lang", lang, "--format", fmt, "--width", "100"])
        cmds.append(["audit", "--lang", lang, "--width", "60"])
        for fmt in ["table", "json", "csv"]:
            cmds.append(["list", "--lang", lang, "--format", fmt, "--width", "100"])
        for ident in IDS:
            cmds.append(["show", ident, "--lang", lang, "--width", "100"])
        cmds.append(["show", "forest_cover", "--lang", lang, "--width", "60"])
        for fmt in ["csv", "csv-keys", "json", "markdown"]:
            cmds.append(["export", "-o", "-", "--format", fmt, "--lang", lang])
        cmds.append(["units", "--lang", lang])
    for fmt in ["text", "json", "github"]:
        cmds.append(["validate", "--format", fmt])
        cmds.append(["validate", "--format", fmt, "--strict"])
    cmds.append(["validate", "tests/fixtures"])
    for of in ["data", "observations"]:
        cmds.append(["schema", of])
    cmds += [
        ["calc", "required", "3", "4,5", "--years", "5"],
        ["calc", "required", "22,07", "2,07", "--pace", "points", "--direction", "lower"],
        ["calc", "implied", "167", "10", "--pace", "units"],
        ["calc", "cagr", "1.5", "3", "--years", "5"],
        ["calc", "implied", "3", "10", "--years", "5"],
        ["calc", "achieved", "13", "10"],
        ["calc", "achieved", "13", "10", "--lang", "en"],
        ["calc", "required", "1.650", "2000"],
        ["--version"],
        [],
        ["--help"],
        ["status", "--format", "nope"],
        ["show", "no_such_indicator"],
    ]
    for sub in ["validate", "status", "list", "audit", "show", "export", "schema", "units", "init", "calc"]:
        cmds.append([sub, "--help"])
    for sub in ["required", "cagr", "implied", "achieved"]:
        cmds.append(["calc", sub, "--help"])
    return cmds


def name_of(cmd: list[str]) -> str:
    return re.sub(r"[^A-Za-z0-9,.-]+", "_", " ".join(cmd) or "no-args").strip("_")[:120] + ".txt"


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    cbkpi = [sys.executable, "-m", "cbkpi"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CBKPI_", "NO_COLOR", "COLUMNS"))}
    env.update({"CBKPI_NO_CACHE": "1", "COLUMNS": "100", "TERM": "dumb"})
    cmds = commands()
    for cmd in cmds:
        proc = subprocess.run([*cbkpi, *cmd], cwd=REPO, capture_output=True, env=env, check=False)
        text = b"$ cbkpi " + " ".join(cmd).encode() + b"\n--- exit " + str(proc.returncode).encode()
        (out / name_of(cmd)).write_bytes(text + b"\n--- stdout\n" + proc.stdout + b"\n--- stderr\n" + proc.stderr)
    print(f"{len(cmds)} commands -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
