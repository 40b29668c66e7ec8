"""Time cbkpi as whole processes on synthetic data sets and on the bundled data.

    python bench/bench.py                         # sizes 100, 1000, 10000
    python bench/bench.py --sizes 100,1000 --repeat 3
    python bench/bench.py --keep /tmp/cbkpi-bench # keep the generated files

Each command runs as its own process (the console script ``cbkpi``, as analysts call it); the
best wall time of N runs is kept, and the child's peak RSS comes from ``os.wait4`` on its pid.
See bench/README.md for the goals and how to read the table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AREAS = ["economy", "culture_society", "environment", "party_building"]
# (unit, baseline range, whether a growth target makes sense) for the generated indicators.
UNITS = [
    ("billion_vnd", (1_000, 50_000), True),
    ("million_vnd", (20, 90), True),
    ("billion_usd", (1, 9), True),
    ("thousand_tonnes", (50, 900), True),
    ("percent", (10, 80), False),
    ("communes", (5, 150), False),
    ("doctors_per_10k", (5, 20), False),
]


# ------------------------------------------------------------------------------ data
def _figures(i: int) -> tuple[str, float, float, bool]:
    """(unit, baseline, target, whether a growth target makes sense) of indicator ``i``."""
    unit, (lo, hi), growth = UNITS[i % len(UNITS)]
    span = hi - lo
    base = lo + (i * 7919) % span + (i % 10) / 10
    target = min(base + 5 + i % 10, 99.5) if unit == "percent" else round(base * (1.2 + (i % 7) / 10), 1)
    return unit, base, target, growth


def _observed(i: int, year: int) -> float:
    """A value for ``year`` between the baseline and the target, possible for the unit."""
    unit, base, target, _growth = _figures(i)
    share = (year - 2020) / 5 * (0.6 + (i % 5) / 10)  # some on track, some behind
    value = base + (target - base) * share
    return min(value, 99.9) if unit == "percent" else value


def _indicator(i: int) -> str:
    unit, base, target, growth = _figures(i)
    lines = [
        f"  - id: synthetic_{i:05d}",
        f'    number: "{i % 100_000}"',
        f'    name: {{vi: "Chỉ tiêu tổng hợp số {i}", en: "Synthetic indicator {i}"}}',
        f"    area: {AREAS[i % len(AREAS)]}",
        f"    unit: {unit}",
        "    baseline:",
        "      year: 2020",
        f"      value: {base:.1f}",
        f"      estimate: {'true' if i % 2 else 'false'}",
        f'      ref: {{line: {10 + i % 900}, quote: "năm 2020 đạt {base:.1f}"}}',
        "    targets:",
        "      - kind: level",
        f"        comparator: {['reach', 'over', 'at_least'][i % 3]}",
        f"        value: {target:.1f}",
        "        year: 2025",
        f'        ref: {{line: {300 + i % 600}, quote: "đến năm 2025 đạt {target:.1f}"}}',
    ]
    if growth:
        lines += [
            "      - kind: growth_rate",
            "        comparator: reach",
            f"        value: {5 + i % 8}",
            "        start_year: 2020",
            "        end_year: 2025",
            f'        ref: {{line: {300 + i % 600}, quote: "tăng bình quân {5 + i % 8}%/năm"}}',
        ]
    return "\n".join(lines)


def write_dataset(n: int, folder: Path) -> Path:
    """A data folder: a valid targets file of ``n`` indicators and five yearly observation files
    (2021-2025) under observations/, one value per indicator and year."""
    folder.mkdir(parents=True, exist_ok=True)
    head = (
        "# yaml-language-server: $schema=../schema/cbkpi-data.schema.json\n"
        'source: {title: "Synthetic benchmark data", publisher: "cbkpi bench", date: 2020-05-28}\n'
        "term: {start: 2020, end: 2025}\n"
        "kind: targets\n"
        "indicators:\n"
    )
    path = folder / f"targets_{n}.yaml"
    path.write_text(head + "\n".join(_indicator(i) for i in range(n)) + "\n", encoding="utf-8")
    obs = folder / "observations"
    obs.mkdir(exist_ok=True)
    for year in range(2021, 2026):
        rows = [
            f"  - {{indicator: synthetic_{i:05d}, year: {year}, value: {_observed(i, year):.1f}, "
            'source: "synthetic", estimate: false}'
            for i in range(n)
        ]
        (obs / f"observations_{n}_{year}.yaml").write_text("observations:\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def write_observation_series(n: int, folder: Path) -> Path:
    """A data folder with one indicator and ``n`` observations of it (``show`` and the xlsx
    export list every one): five years, each value restated by later sources (``revises``)."""
    folder.mkdir(parents=True, exist_ok=True)
    obs = folder / "observations"
    obs.mkdir(exist_ok=True)
    write_dataset(1, folder)
    for old in obs.glob("observations_1_*.yaml"):
        old.unlink()
    rows = [
        f"  - {{indicator: synthetic_00000, year: {2021 + i % 5}, value: {_observed(0, 2021 + i % 5):.1f}, "
        f'source: "synthetic {i}", estimate: false{", revises: true" if i >= 5 else ""}}}'
        for i in range(n)
    ]
    path = obs / f"series_{n}.yaml"
    path.write_text("observations:\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def in_child(write: Callable[[int, Path], Path], n: int, folder: Path) -> Path:
    """``write(n, folder)`` in a child interpreter. Written here, the 100,000-indicator files
    left this process at about 340 MB, and Linux counts the memory a child inherits at fork in
    its peak RSS (``ru_maxrss``): every later row, 10,000 indicators included, read 338 MB."""
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench; from pathlib import Path; "
    code += f"bench.{write.__name__}({n}, Path({str(folder)!r}))"
    subprocess.run([sys.executable, "-c", code], check=True)
    return folder / f"targets_{n}.yaml" if write is write_dataset else folder / "observations" / f"series_{n}.yaml"


# ------------------------------------------------------------------------------ timing
@dataclass
class Measure:
    label: str
    size: str
    seconds: float
    rss_mb: float
    code: int


CHILD_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CBKPI_NO_CACHE")}
"""The children run as on an analyst's machine: Python may cache compiled modules (this
workplace sets PYTHONDONTWRITEBYTECODE, which would recompile cbkpi's modules at every start)."""


LIMITS = {"timeout": 300.0}
"""A child still running after ``timeout`` seconds is killed (exit -9 in the table): a command
that grows quadratically must not hold the whole benchmark for hours. ``--timeout`` sets it."""


def run_once(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """One timed run; with an empty result cache of its own, so that it is never a replay."""
    with tempfile.TemporaryDirectory(prefix="cbkpi-cache-") as fresh:
        return _run_once(argv, cwd, {**CHILD_ENV, "XDG_CACHE_HOME": fresh})


def _run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > LIMITS["timeout"]:
            proc.kill()
            _pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def measure(label: str, size: str, argv: list[str], cwd: Path, repeat: int) -> Measure:
    warm = run_once(argv, cwd)  # warm-up, not timed: file cache, compiled modules
    if warm[2] == -signal.SIGKILL:
        return Measure(label, size, warm[0], warm[1], warm[2])  # timed out: no repeat
    runs = [run_once(argv, cwd) for _ in range(repeat)]
    best = min(r[0] for r in runs)
    return Measure(label, size, best, max(r[1] for r in runs), max(r[2] for r in runs))


@dataclass
class Ratio:
    label: str
    bare: float
    command: float

    @property
    def ratio(self) -> float:
        return self.command / self.bare


def paired_startup(label: str, argv: list[str], cwd: Path, rounds: int) -> tuple[Ratio, ...]:
    """Start-up of ``argv`` against a bare interpreter, run side by side (bench/README.md):

    cold: cbkpi's result cache empty (a fresh ``XDG_CACHE_HOME`` for every run), compiled modules
    present; warm: the cache holding the entry of an identical previous run. ``rounds``
    alternating runs each (bare, cbkpi, bare, ...), each ratio taken within its round (so a busy
    moment slows both sides), the median round kept. Last, for information: the first run with
    an empty ``PYTHONPYCACHEPREFIX`` (nothing compiled, as after an upgrade) and an empty cache."""
    bare = [sys.executable, "-c", "pass"]

    def median(pairs: list[tuple[float, float]], name: str) -> Ratio:
        b, c = sorted(pairs, key=lambda p: p[1] / p[0])[len(pairs) // 2]
        return Ratio(f"{label}, {name}", b, c)

    with tempfile.TemporaryDirectory(prefix="cbkpi-cache-") as caches:

        def env(name: str) -> dict[str, str]:
            return {**CHILD_ENV, "XDG_CACHE_HOME": os.path.join(caches, name)}

        _timed(argv, cwd, env("compile"))  # compiled modules written, as pip install leaves them
        cold = median(
            [(_timed(bare, cwd, env(f"b{i}")), _timed(argv, cwd, env(f"c{i}"))) for i in range(rounds)], "cold"
        )
        _timed(argv, cwd, env("warm"))  # the entry of the identical runs below
        warm = median([(_timed(bare, cwd, env("warm")), _timed(argv, cwd, env("warm"))) for _ in range(rounds)], "warm")
        with tempfile.TemporaryDirectory(prefix="cbkpi-pyc-") as pyc:
            first = {**env("first"), "PYTHONPYCACHEPREFIX": pyc}
            nothing = Ratio(f"{label}, no compiled modules (info)", _timed(bare, cwd, first), _timed(argv, cwd, first))
    return cold, warm, nothing


FLOORS = {
    "floor of status: imports of typer, pydantic, rich (info)": (
        "import typer.main, typer._adapters, pydantic.main, rich.console, rich.table"
    ),
    "floor of validate: imports of typer, pydantic (info)": "import typer.main, typer._adapters, pydantic.main",
}
"""What a cold cbkpi command imports before it does anything of its own: typer (with the
pydantic adapters it builds per option) to parse, pydantic's BaseModel to validate, and for
``status`` rich's console and table (``validate`` prints without rich). The floors under the
start-up goals, measured, not goals."""


def paired_floor(label: str, imports: str, cwd: Path, rounds: int) -> Ratio:
    """The libraries' imports alone against a bare interpreter, paired as in ``paired_startup``."""
    bare = [sys.executable, "-c", "pass"]
    floor = [sys.executable, "-c", imports]
    _timed(floor, cwd, CHILD_ENV)  # compiled modules present
    pairs = sorted(
        ((_timed(bare, cwd, CHILD_ENV), _timed(floor, cwd, CHILD_ENV)) for _ in range(rounds)),
        key=lambda p: p[1] / p[0],
    )
    b, c = pairs[len(pairs) // 2]
    return Ratio(label, b, c)


def _timed(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    return time.perf_counter() - start


def cbkpi_command() -> list[str]:
    script = shutil.which("cbkpi") or str(Path(sys.executable).with_name("cbkpi"))
    if Path(script).exists():
        return [script]
    return [sys.executable, "-m", "cbkpi"]  # pragma: no cover - not installed as a script


# ------------------------------------------------------------------------------ main
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="numbers of indicators, comma-separated")
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs per command, best kept (default: 5 below 10,000 indicators, 3 from there)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="write the data sets here and keep them")
    parser.add_argument(
        "--observations",
        default="10000,100000",
        help="observations of one indicator for the show and xlsx rows, comma-separated ('' skips)",
    )
    parser.add_argument(
        "--timeout", type=float, default=LIMITS["timeout"], help="seconds before a child is killed (exit -9)"
    )
    parser.add_argument("--rounds", type=int, default=7, help="paired start-up rounds (the median is kept)")
    opts = parser.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",") if s.strip()]
    series_sizes = [int(s) for s in opts.observations.split(",") if s.strip()]
    LIMITS["timeout"] = opts.timeout
    cbkpi = cbkpi_command()

    def reps(n: int | None = None) -> int:
        return opts.repeat or (3 if n and n >= 10_000 else 5)

    tmp = None
    if opts.keep:
        root = opts.keep
        root.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="cbkpi-bench-")
        root = Path(tmp.name)
    try:
        bundled = ["--data-dir", str(REPO / "data")]
        ratios = [
            r
            for label, argv in (
                ("cbkpi status (bundled, table)", [*cbkpi, "status", *bundled]),
                ("cbkpi validate (bundled)", [*cbkpi, "validate", *bundled]),
            )
            for r in paired_startup(label, argv, REPO, opts.rounds)
        ]
        ratios += [paired_floor(label, imports, REPO, opts.rounds) for label, imports in FLOORS.items()]
        results: list[Measure] = []
        python = measure("python -c pass", "-", [sys.executable, "-c", "pass"], root, 10)
        results.append(python)
        results.append(measure("cbkpi --version", "-", [*cbkpi, "--version"], root, 10))
        results.append(
            measure(
                "cbkpi status (bundled, table)",
                "bundled",
                [*cbkpi, "status", "--data-dir", str(REPO / "data")],
                REPO,
                5,
            )
        )
        results.append(
            measure(
                "cbkpi status (bundled, json)",
                "bundled",
                [*cbkpi, "status", "--format", "json", "--data-dir", str(REPO / "data")],
                REPO,
                5,
            )
        )
        results.append(
            measure(
                "cbkpi validate (bundled)", "bundled", [*cbkpi, "validate", "--data-dir", str(REPO / "data")], REPO, 5
            )
        )
        files: dict[int, Path] = {}
        gen_seconds: dict[int, float] = {}
        for n in sizes:
            t0 = time.perf_counter()
            files[n] = in_child(write_dataset, n, root / f"n{n}")
            gen_seconds[n] = time.perf_counter() - t0
        for n in sizes:
            f = files[n]
            results.append(measure("cbkpi validate FILE", str(n), [*cbkpi, "validate", str(f)], root, reps(n)))
            results.append(
                measure(
                    "cbkpi status FILE --format json",
                    str(n),
                    [*cbkpi, "status", str(f), "--format", "json"],
                    root,
                    reps(n),
                )
            )
            folder = ["--data-dir", str(f.parent)]
            results.append(measure("cbkpi validate DIR", str(n), [*cbkpi, "validate", *folder], root, reps(n)))
            results.append(
                measure(
                    "cbkpi status DIR --format json",
                    str(n),
                    [*cbkpi, "status", *folder, "--format", "json"],
                    root,
                    reps(n),
                )
            )
        for n in series_sizes:
            folder = root / f"series{n}"
            in_child(write_observation_series, n, folder)
            data = ["--data-dir", str(folder)]
            r = 1 if n >= 100_000 else reps(n)
            results.append(measure("cbkpi show ID", f"{n}o", [*cbkpi, "show", "synthetic_00000", *data], root, r))
            out = str(root / f"series{n}.xlsx")  # never inside the data folder: cbkpi refuses that
            results.append(measure("cbkpi export xlsx", f"{n}o", [*cbkpi, "export", "-o", out, *data], root, r))
        print(report(results, python.seconds, sizes, files, gen_seconds, ratios))
        return 0
    finally:
        if tmp is not None:
            tmp.cleanup()


STARTUP_GOALS = {
    "cbkpi status (bundled, table), cold": 15,
    "cbkpi status (bundled, table), warm": 6,
    "cbkpi validate (bundled), cold": 15,
    "cbkpi validate (bundled), warm": 6,
}
"""Issue 12: start-up ratios to a bare interpreter, paired in one run."""


def report(
    results: list[Measure],
    bare: float,
    sizes: list[int],
    files: dict[int, Path],
    gen: dict[int, float],
    ratios: Sequence[Ratio] = (),
) -> str:
    out = [
        f"cbkpi benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; best of N runs after one "
        "untimed warm-up, peak RSS of the child; FILE: the targets file alone, DIR: --data-dir, the targets "
        "file and its 5 yearly observation files",
        "",
    ]
    for n in sizes:
        size_mb = files[n].stat().st_size / 1e6
        out.append(
            f"data set {n:>6,} indicators: {size_mb:6.2f} MB targets file + 5 observation files "
            f"(read by the DIR rows), generated in {gen[n]:.2f} s"
        )
    out.append("")
    load = os.getloadavg()
    out.append(
        f"start-up, paired with a bare interpreter in the same run (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )
    out.append(f"{'command':56} {'python s':>9} {'cbkpi s':>8} {'ratio':>6}")
    for r in ratios:
        out.append(f"{r.label:56} {r.bare:9.3f} {r.command:8.3f} {r.ratio:6.1f}")
    out.append("")
    out.append(f"{'command':34} {'size':>8} {'seconds':>8} {'x python':>9} {'RSS MB':>7} {'growth':>7} {'exit':>5}")
    previous: dict[str, Measure] = {}
    for m in results:
        growth = ""
        if m.size.isdigit():
            before = previous.get(m.label)
            if before is not None:
                growth = f"{m.seconds / before.seconds:.2f}"
            previous[m.label] = m
        out.append(
            f"{m.label:34} {m.size:>8} {m.seconds:8.3f} {m.seconds / bare:9.1f} {m.rss_mb:7.0f} {growth:>7} {m.code:>5}"
        )
    out.append("")
    out.append("growth: seconds divided by those of the previous size of the same command.")
    out.append("")
    by = {(m.label, m.size): m for m in results}
    goals: list[tuple[str, bool | None]] = []
    s = by[("cbkpi status (bundled, table)", "bundled")]
    goals.append((f"bundled 'cbkpi status' <= 10x bare python ({s.seconds / bare:.1f}x)", s.seconds <= 10 * bare))
    v = by[("cbkpi --version", "-")]
    goals.append((f"'cbkpi --version' <= 3x bare python ({v.seconds / bare:.1f}x)", v.seconds <= 3 * bare))
    big = max(sizes) if sizes else None
    for label in (
        "cbkpi validate FILE",
        "cbkpi status FILE --format json",
        "cbkpi validate DIR",
        "cbkpi status DIR --format json",
    ):
        if big is None or big < 10_000:
            goals.append((f"{label} at 10,000 indicators: not run (--sizes)", None))
            continue
        if 10_000 in sizes:  # the goal's size: 100,000 indicators have their own (1 GB, below)
            t = by[(label, "10000")]
            goals.append((f"{label} at 10,000 indicators < 2 s ({t.seconds:.2f} s)", t.seconds < 2))
            goals.append((f"{label} at 10,000 indicators < 300 MB ({t.rss_mb:.0f} MB)", t.rss_mb < 300))
        m = by[(label, str(big))]
        goals.append((f"{label} at {big:,} indicators exits 0 (valid data)", m.code == 0))
        smaller = [n for n in sizes if n < big]
        if smaller:
            prev = by[(label, str(max(smaller)))]
            factor = m.seconds / prev.seconds
            ratio = big / max(smaller)
            goals.append(
                (
                    f"{label}: growth {max(smaller):,} -> {big:,} = {factor:.2f} <= ~{1.2 * ratio:.0f} (roughly linear)",
                    factor <= 1.2 * ratio,
                )
            )
    for r in ratios:
        if r.label in STARTUP_GOALS:
            limit = STARTUP_GOALS[r.label]
            goals.append((f"{r.label} <= {limit}x bare python, paired ({r.ratio:.1f}x)", r.ratio <= limit))
    if 100_000 in sizes:
        for label in ("cbkpi validate DIR", "cbkpi status DIR --format json"):
            m = by[(label, "100000")]
            goals.append((f"{label} at 100,000 indicators < 1 GB peak ({m.rss_mb:.0f} MB)", m.rss_mb < 1024))
    for text, ok in goals:
        out.append(f"{'PASS' if ok else 'MISS' if ok is False else 'SKIP'}  {text}")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
