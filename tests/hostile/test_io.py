"""Issue 12, the input/output layer: output streams (closed pipes, failed writes, encodings,
COLUMNS), files given twice, outputs through symbolic links, signals during an export, and the
reader's limits (alias expansion only, echoed text capped).

Each test runs cbkpi as a real subprocess, as a shell would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_cases import DATA, MIN_LINES, MINIMAL

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE (13), what a shell reports for `yes | head -1`


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CBKPI_DEBUG", "COLUMNS", "PYTHONIOENCODING")}
    return {**env, **extra}


def _cbkpi(*args: str) -> list[str]:
    return [sys.executable, "-m", "cbkpi", *args]


def _into_closed_pipe(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """Run with standard output a pipe whose reader is already gone: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            _cbkpi(*args), stdout=write_end, stderr=subprocess.PIPE, cwd=tmp_path, env=_env(), timeout=60, check=False
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--data-dir", str(DATA)],
        ["validate", "--data-dir", str(DATA)],
        ["--version"],
        ["status", "--format", "json", "--data-dir", str(DATA)],
    ],
    ids=["status", "validate", "version", "status-json"],
)
def test_broken_pipe_ends_quietly_with_141(args: list[str], tmp_path: Path) -> None:
    run = _into_closed_pipe(args, tmp_path)
    assert run.returncode == EXIT_BROKEN_PIPE
    assert run.stderr == b""


@pytest.mark.parametrize(
    "args",
    [["validate", "--data-dir", str(DATA)], ["status", "--format", "json", "--data-dir", str(DATA)], ["--version"]],
)
def test_closed_stdout_is_exit_2_not_a_lost_report(args: list[str], tmp_path: Path) -> None:
    run = subprocess.run(
        ["bash", "-c", 'exec "$@" >&-', "bash", *_cbkpi(*args)],
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.decode() == "cbkpi: standard output is closed; nothing could be written\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args", [["status", "--lang", "en", "--data-dir", str(DATA)], ["validate", "--data-dir", str(DATA)], ["--version"]]
)
def test_full_disk_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            _cbkpi(*args), stdout=full, stderr=subprocess.PIPE, cwd=tmp_path, env=_env(), timeout=60, check=False
        )
    assert run.returncode == 2
    assert run.stderr.decode() == "cbkpi: cannot write the output: No space left on device\n"


def test_cp1252_output_is_escaped_not_a_crash(tmp_path: Path) -> None:
    args = ["status", "--format", "json", "--data-dir", str(DATA)]
    utf8 = subprocess.run(
        _cbkpi(*args), capture_output=True, cwd=tmp_path, env=_env(PYTHONIOENCODING="utf-8"), timeout=60, check=True
    )
    cp1252 = subprocess.run(
        _cbkpi(*args), capture_output=True, cwd=tmp_path, env=_env(PYTHONIOENCODING="cp1252"), timeout=60, check=False
    )
    assert cp1252.returncode == 0, cp1252.stderr.decode()
    # 'ằ' (U+1EB1) is not in cp1252: written as the escape \u1eb1, which JSON reads back as 'ằ'.
    assert b"\\u1eb1" in cp1252.stdout
    assert json.loads(cp1252.stdout.decode("cp1252")) == json.loads(utf8.stdout.decode("utf-8"))


def test_cp1252_table_is_escaped(tmp_path: Path) -> None:
    run = subprocess.run(
        _cbkpi("status", "--data-dir", str(DATA)),
        capture_output=True,
        cwd=tmp_path,
        env=_env(PYTHONIOENCODING="cp1252"),
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    # "Kết quả": 'ế' (U+1EBF) and 'ả' (U+1EA3) are not in cp1252.
    assert b"K\\u1ebft qu\\u1ea3" in run.stdout


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_unusable_columns_falls_back_to_the_piped_width(columns: str, tmp_path: Path) -> None:
    args = _cbkpi("status", "--data-dir", str(DATA))
    plain = subprocess.run(args, capture_output=True, cwd=tmp_path, env=_env(), timeout=60, check=True)
    odd = subprocess.run(args, capture_output=True, cwd=tmp_path, env=_env(COLUMNS=columns), timeout=60, check=False)
    assert odd.returncode == 0
    assert odd.stdout == plain.stdout
    assert len(plain.stdout.splitlines()) > 20


def test_same_file_given_four_ways_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "t.yaml")
    run = subprocess.run(
        _cbkpi("status", "--format", "csv", "t.yaml", "./t.yaml", str(tmp_path / "t.yaml"), "link.yaml"),
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().count("forest_cover") == 1  # MINIMAL has one indicator, one target


def _other_filesystem(tmp_path: Path) -> Path | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != tmp_path.stat().st_dev:
        return shm
    return None


def test_export_through_symlink_to_another_filesystem(tmp_path: Path) -> None:
    other = _other_filesystem(tmp_path)
    if other is None:
        pytest.skip("no writable folder on another file system")
    real_dir = other / f"cbkpi-test-{os.getpid()}"
    real_dir.mkdir()
    try:
        real = real_dir / "report.csv"
        real.write_text("old\n", encoding="utf-8")
        (tmp_path / "t.yaml").write_text(MINIMAL, encoding="utf-8")
        (tmp_path / "out.csv").symlink_to(real)
        run = subprocess.run(
            _cbkpi("export", "t.yaml", "--format", "csv", "-o", "out.csv"),
            capture_output=True,
            cwd=tmp_path,
            env=_env(),
            timeout=60,
            check=False,
        )
        assert run.returncode == 0, run.stderr.decode()
        assert (tmp_path / "out.csv").is_symlink()
        assert "forest_cover" in real.read_text(encoding="utf-8")
        assert sorted(p.name for p in real_dir.iterdir()) == ["report.csv"]  # no temporary file left
    finally:
        for p in real_dir.iterdir():
            p.unlink()
        real_dir.rmdir()


def _big_targets(path: Path, count: int) -> None:
    head = "\n".join(MIN_LINES[:4]) + "\n"
    block = "\n".join(MIN_LINES[4:]) + "\n"
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        for i in range(count):
            f.write(block.replace("id: forest_cover", f"id: ind_{i}").replace('number: "1"', f'number: "{i + 1}"'))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_during_export_removes_the_temporary_file(sig: signal.Signals, tmp_path: Path) -> None:
    _big_targets(tmp_path / "t.yaml", 2000)  # an xlsx of 2,000 rows takes seconds to write
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        _cbkpi("export", str(tmp_path / "t.yaml"), "-o", str(out / "r.xlsx")),
        cwd=tmp_path,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(out.iterdir()):  # the temporary file appears when writing starts
        assert proc.poll() is None, "the export ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, err.decode()
    assert list(out.iterdir()) == []


def test_long_value_echo_is_capped(tmp_path: Path) -> None:
    lines = MINIMAL.splitlines()
    lines[7] = '    area: "' + "y" * 1_000_000 + '"'
    (tmp_path / "in.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run(
        _cbkpi("validate", "in.yaml"), capture_output=True, cwd=tmp_path, env=_env(), timeout=60, check=False
    )
    assert run.returncode == 1
    first = run.stdout.decode().splitlines()[0]
    assert first.startswith("in.yaml:8:")
    assert "…" in first
    assert len(first) < 600


def test_alias_guard_counts_aliases_only() -> None:
    from cbkpi.yamlread import MAX_NODES, parse

    # 2,100,000 plain values, no alias: more than MAX_NODES, and valid YAML to read.
    count = 2_100_000
    assert count > MAX_NODES
    doc = parse("a: [" + "1," * (count - 1) + "1]\n", "big.yaml")
    assert len(doc.data["a"]) == count


def _validate_env(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cbkpi("validate", "in.yaml"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(**env),
        timeout=120,
        check=False,
    )


def test_size_limit_set_by_environment(tmp_path: Path) -> None:
    (tmp_path / "in.yaml").write_text(MINIMAL, encoding="utf-8")
    size = (tmp_path / "in.yaml").stat().st_size
    refused = _validate_env(tmp_path, CBKPI_MAX_FILE_BYTES=str(size - 1))
    assert refused.returncode == 1
    assert f"in.yaml: error file is {size:,} bytes; the limit is {size - 1:,} bytes (too-large)" in refused.stdout
    assert _validate_env(tmp_path, CBKPI_MAX_FILE_BYTES=str(size)).returncode == 0


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1e6", "4294967296", "1\x1b[2J"])
def test_size_limit_from_environment_must_be_a_byte_count(value: str, tmp_path: Path) -> None:
    (tmp_path / "in.yaml").write_text(MINIMAL, encoding="utf-8")
    run = _validate_env(tmp_path, CBKPI_MAX_FILE_BYTES=value)
    assert run.returncode == 2
    out = run.stdout + run.stderr
    assert "CBKPI_MAX_FILE_BYTES=" in out
    assert "expected a whole number from 1 to 4,294,967,295" in out
    assert "\x1b" not in out
    assert len(out.strip().splitlines()) <= 2  # the diagnostic and the summary, no traceback


def test_default_size_limit_reads_files_beyond_50_mb(tmp_path: Path) -> None:
    """The bench's 100,000 indicators make a 57 MB targets file; the default limit (256 MB)
    reads it. Here: a valid file padded with comments to 60 MB."""
    line = b"# a comment line repeated to make the file larger than the old 50 MB limit\n"
    with (tmp_path / "in.yaml").open("wb") as f:
        f.write(MINIMAL.encode("utf-8"))
        chunk = line * (1024 * 1024 // len(line))
        while f.tell() < 60 * 1024 * 1024:
            f.write(chunk)
    run = _validate_env(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
