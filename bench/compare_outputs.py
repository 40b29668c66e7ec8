"""Run about 80 cbkpi commands on the bundled data and keep their outputs, to diff two versions.

    python bench/compare_outputs.py /tmp/before --src /tmp/main-copy   # the old code's src/
    python bench/compare_outputs.py /tmp/after                         # this checkout's
    diff -r /tmp/before /tmp/after                   # must print nothing

Each command's standard output, standard error and exit code go to one file named after the
command. A speed-up of start-up (lazy imports, cheaper model classes, table layout) must leave
every byte of every output as it was: this script is how that is checked. It compares a version
with another; it holds no expected output of its own.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IDS = ["trade_turnover", "forest_cover", "grdp_growth", "poverty_rate", "14"]
WIDTHS = [60, 80, 100, 120, 200]
COLOUR = "FORCE_COLOR=1"
"""A first word of a command: run it with ``FORCE_COLOR=1`` (rich writes the styles)."""
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
    for lang in LANGS:  # in colour, as on a terminal: the styles must not change either
        for width in (80, 120):
            cmds.append([COLOUR, "status", "--lang", lang, "--width", str(width)])
        cmds.append([COLOUR, "show", "trade_turnover", "--lang", lang, "--width", "100"])
        cmds.append([COLOUR, "audit", "--lang", lang, "--width", "100"])
    return cmds


def name_of(cmd: list[str]) -> str:
    return re.sub(r"[^A-Za-z0-9,.-]+", "_", " ".join(cmd) or "no-args").strip("_")[:120] + ".txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder for the outputs")
    parser.add_argument("--src", type=Path, help="run the cbkpi of this checkout (its src/ first on the path)")
    opts = parser.parse_args()
    out: Path = opts.out
    out.mkdir(parents=True, exist_ok=True)
    cbkpi = [sys.executable, "-m", "cbkpi"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CBKPI_", "NO_COLOR", "COLUMNS", "FORCE_COLOR"))}
    if opts.src is not None:
        env["PYTHONPATH"] = str(opts.src.resolve() / "src")
    env.update({"CBKPI_NO_CACHE": "1", "COLUMNS": "100", "TERM": "dumb"})
    cmds = commands()
    for cmd in cmds:
        colour = {"FORCE_COLOR": "1", "TERM": "xterm-256color"} if cmd[:1] == [COLOUR] else {}
        args = cmd[1:] if colour else cmd
        proc = subprocess.run([*cbkpi, *args], cwd=REPO, capture_output=True, env={**env, **colour}, check=False)
        text = b"$ cbkpi " + " ".join(cmd).encode() + b"\n--- exit " + str(proc.returncode).encode()
        (out / name_of(cmd)).write_bytes(text + b"\n--- stdout\n" + proc.stdout + b"\n--- stderr\n" + proc.stderr)
    print(f"{len(cmds)} commands -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
