"""Issue 12 item 6: the replay cache of read-only results (cbkpi.cache), run as real processes.

Every run has ``PYTHONPROFILEIMPORTTIME=1`` in its environment (both runs of a pair, so the keys
match): the interpreter then lists every module it imports on stderr, which tells a hit (neither
typer, pydantic nor rich imported) from a miss without trusting anything cbkpi says about
itself. The import lines are set apart before stderr is compared.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_cases import DATA, MINIMAL, REPO

from cbkpi import cache

EXIT_BROKEN_PIPE = 141
HEAVY = ("typer", "pydantic", "rich")
"""What the command line needs and a hit must not import."""


@dataclass
class Ran:
    code: int
    out: bytes
    err: str
    """stderr without the interpreter's import lines."""
    imported: set[str]

    @property
    def hit(self) -> bool:
        return not any(name.split(".")[0] in HEAVY for name in self.imported)


def _env(cache_home: Path | None, **extra: str) -> dict[str, str]:
    drop = ("CBKPI_DEBUG", "CBKPI_LANG", "CBKPI_NO_CACHE", "COLUMNS", "PYTHONIOENCODING", "XDG_CACHE_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = str(cache_home)
    env.update(extra)
    return env


def _split(stderr: bytes, code: int, out: bytes) -> Ran:
    text, imported = [], set()
    for line in stderr.decode("utf-8", "replace").splitlines(keepends=True):
        if line.startswith("import time:"):
            imported.add(line.rsplit("|", 1)[-1].strip())
        else:
            text.append(line)
    return Ran(code, out, "".join(text), imported)


def run(
    args: list[str], cwd: Path, env: dict[str, str], stdout: object = subprocess.PIPE, stderr: object = subprocess.PIPE
) -> Ran:
    """``python -m cbkpi ARGS`` in ``cwd``; standard output and error captured unless said."""
    proc = subprocess.run(
        [sys.executable, "-m", "cbkpi", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,  # type: ignore[call-overload]
        stderr=stderr,
        timeout=120,
        check=False,
    )
    return _split(proc.stderr or b"", proc.returncode, proc.stdout or b"")


def entries(cache_home: Path) -> list[Path]:
    folder = cache_home / "cbkpi"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "cache-home"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working directory holding a copy of the bundled data folder."""
    folder = tmp_path / "work"
    shutil.copytree(DATA, folder / "data")
    return folder


# ------------------------------------------------------------------------------ replays
INVALID = MINIMAL.replace("unit: percent", "unit: percents")
"""A targets file with an unknown unit: exit 1."""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status", "--width", "100"], 0),
        (["status", "--format", "json"], 0),
        (["validate"], 0),
        (["validate", "bad/targets.yaml"], 1),
        (["audit"], 0),
        (["list", "--lang", "en"], 0),
        (["show", "forest_cover", "--lang", "en", "--width", "90"], 0),
    ],
    ids=["status-table", "status-json", "validate", "validate-invalid", "audit", "list", "show"],
)
def test_a_hit_replays_the_miss_byte_for_byte_without_the_cli(
    args: list[str], code: int, work: Path, home: Path
) -> None:
    (work / "bad").mkdir()
    (work / "bad" / "targets.yaml").write_text(INVALID, encoding="utf-8")
    env = _env(home)
    miss = run(args, work, env)
    hit = run(args, work, env)
    assert miss.code == code, miss.err
    assert not miss.hit  # the first run parsed the command line
    assert hit.hit, sorted(n for n in hit.imported if n.split(".")[0] in HEAVY)
    assert (hit.code, hit.out, hit.err) == (miss.code, miss.out, miss.err)
    assert miss.out or miss.err
    assert len(entries(home)) == 1


def test_a_hit_into_a_closed_pipe_ends_quietly_with_141(work: Path, home: Path) -> None:
    env = _env(home)
    assert run(["status"], work, env).code == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        ran = run(["status"], work, env, stdout=write_end)
    finally:
        os.close(write_end)
    assert ran.hit
    assert (ran.code, ran.err) == (EXIT_BROKEN_PIPE, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_hit_into_a_full_disk_is_exit_2_with_one_line(work: Path, home: Path) -> None:
    env = _env(home)
    assert run(["status"], work, env).code == 0
    with open("/dev/full", "wb") as full:
        ran = run(["status"], work, env, stdout=full)
    assert ran.hit
    assert ran.code == 2
    assert ran.err == "cbkpi: cannot write the output: No space left on device\n"


def test_a_run_whose_stderr_could_not_be_written_is_not_stored(work: Path, home: Path) -> None:
    """click turns a failed write into exit 1 whatever the result: such a run is no result.
    (No import log here: the interpreter's own first write into the closed pipe would kill it.)"""
    (work / "bad").mkdir()
    (work / "bad" / "targets.yaml").write_text(INVALID, encoding="utf-8")
    env = _env(home)
    del env["PYTHONPROFILEIMPORTTIME"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        closed = run(["status", "bad/targets.yaml"], work, env, stderr=write_end)
    finally:
        os.close(write_end)
    assert closed.code == 1
    assert entries(home) == []
    again = run(["status", "bad/targets.yaml"], work, env)
    assert again.code == 1
    assert "'percents'" in again.err and "(unknown-unit)" in again.err  # the code, in any language
    assert len(entries(home)) == 1  # the same run with its stderr written is stored


# ------------------------------------------------------------------------------ misses
def _truth(args: list[str], cwd: Path, env: dict[str, str]) -> Ran:
    return run([*args, "--no-cache"], cwd, env)


def _same_as_fresh(ran: Ran, fresh: Ran) -> None:
    assert (ran.code, ran.out, ran.err) == (fresh.code, fresh.out, fresh.err)


def _primed(args: list[str], cwd: Path, env: dict[str, str]) -> Ran:
    """Run twice: a miss that stores, then a hit (checked), so that a later miss is the change's."""
    first = run(args, cwd, env)
    assert not first.hit
    second = run(args, cwd, env)
    assert second.hit
    return first


def test_content_changed_with_the_same_size_and_mtime_is_a_miss(work: Path, home: Path) -> None:
    env = _env(home)
    before = _primed(["status"], work, env)
    path = work / "data" / "observations" / "2025.yaml"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "value: 7.22" in text
    path.write_text(text.replace("value: 7.22", "value: 8.22", 1), encoding="utf-8")  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    after = run(["status"], work, env)
    assert not after.hit
    assert after.out != before.out  # GRDP growth 2025: 7,22 became 8,22
    assert "8,22" in after.out.decode()
    _same_as_fresh(after, _truth(["status"], work, env))


def test_a_new_observation_file_is_a_miss(work: Path, home: Path) -> None:
    env = _env(home)
    _primed(["validate"], work, env)
    (work / "data" / "observations" / "2026.yaml").write_text("observations: []\n", encoding="utf-8")
    after = run(["validate"], work, env)
    assert not after.hit
    assert "ok: 11 file(s) valid" in after.out.decode()
    _same_as_fresh(after, _truth(["validate"], work, env))


def test_a_removed_file_is_a_miss(work: Path, home: Path) -> None:
    env = _env(home)
    _primed(["validate"], work, env)
    (work / "data" / "observations" / "example.yaml").unlink()
    after = run(["validate"], work, env)
    assert not after.hit
    assert "ok: 9 file(s) valid" in after.out.decode()


def test_a_file_replaced_by_a_link_to_an_identical_copy_is_a_miss(work: Path, home: Path, tmp_path: Path) -> None:
    env = _env(home)
    before = _primed(["status", "--format", "json"], work, env)
    path = work / "data" / "targets_2025.yaml"
    copy = tmp_path / "elsewhere.yaml"
    shutil.copyfile(path, copy)
    path.unlink()
    path.symlink_to(copy)
    after = run(["status", "--format", "json"], work, env)
    assert not after.hit
    assert after.out == before.out  # same content: a miss all the same (another file)


def test_a_folder_walked_gains_a_subfolder_file_is_a_miss(work: Path, home: Path) -> None:
    env = _env(home)
    _primed(["validate"], work, env)
    (work / "data" / "more").mkdir()
    shutil.copyfile(work / "data" / "observations" / "example.yaml", work / "data" / "more" / "extra.yaml")
    after = run(["validate"], work, env)
    assert not after.hit
    _same_as_fresh(after, _truth(["validate"], work, env))


@pytest.mark.parametrize("variable", [("CBKPI_LANG", "en"), ("COLUMNS", "120")], ids=["CBKPI_LANG", "COLUMNS"])
def test_a_changed_environment_variable_is_a_miss(variable: tuple[str, str], work: Path, home: Path) -> None:
    env = _env(home)
    before = _primed(["audit"], work, env)
    after = run(["audit"], work, {**env, variable[0]: variable[1]})
    assert not after.hit
    assert after.out != before.out


def test_another_working_directory_with_the_same_arguments_is_a_miss(work: Path, home: Path, tmp_path: Path) -> None:
    env = _env(home)
    before = _primed(["status"], work, env)
    other = tmp_path / "other"
    shutil.copytree(work, other)  # identical data: only the directory differs
    after = run(["status"], other, env)
    assert not after.hit
    assert after.out == before.out


def test_an_edited_cbkpi_module_is_a_miss(work: Path, home: Path, tmp_path: Path) -> None:
    """An editable install changes code without changing the version: the key has every file."""
    code = tmp_path / "code"
    shutil.copytree(REPO / "src" / "cbkpi", code / "cbkpi", ignore=shutil.ignore_patterns("__pycache__"))
    env = _env(home, PYTHONPATH=str(code))
    _primed(["validate"], work, env)
    module = code / "cbkpi" / "status.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = run(["validate"], work, env)
    assert not after.hit
    assert after.code == 0


# ------------------------------------------------------------------------------ entries
def _damage_flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0x01
    path.write_bytes(bytes(data))


def _damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _damage_checksum(path: Path) -> None:
    """Valid JSON in the entry's own layout, another output, the old checksum: a forged entry."""
    entry = json.loads(path.read_bytes())
    entry["body"]["events"] = [[1, "forged\n"]]
    body = json.dumps(entry["body"], separators=(",", ":"))
    path.write_text(f'{{"sha256":"{entry["sha256"]}","body":{body}}}', encoding="ascii")
    assert json.loads(path.read_bytes())["body"]["events"] == [[1, "forged\n"]]


@pytest.mark.parametrize(
    "damage", [_damage_flip, _damage_truncate, _damage_checksum], ids=["flip", "truncate", "checksum"]
)
def test_a_damaged_entry_is_a_miss_and_is_rewritten(damage: object, work: Path, home: Path) -> None:
    env = _env(home)
    first = _primed(["status"], work, env)
    (path,) = entries(home)
    damage(path)  # type: ignore[operator]
    again = run(["status"], work, env)
    assert not again.hit
    _same_as_fresh(again, first)
    assert cache.decode_entry(path.read_bytes()) is not None  # rewritten whole
    assert run(["status"], work, env).hit


@pytest.mark.parametrize("kind", ["mode-0777", "a-file"])
def test_a_cache_folder_others_can_write_or_a_file_is_not_used(kind: str, work: Path, home: Path) -> None:
    folder = home / "cbkpi"
    home.mkdir()
    if kind == "a-file":
        folder.write_text("not a folder\n", encoding="utf-8")
    else:
        folder.mkdir()
        folder.chmod(0o777)
    env = _env(home)
    first, second = run(["status"], work, env), run(["status"], work, env)
    assert not first.hit and not second.hit
    _same_as_fresh(second, first)
    assert first.code == 0
    if kind == "a-file":
        assert folder.read_text(encoding="utf-8") == "not a folder\n"
    else:
        assert list(folder.iterdir()) == []


def test_without_home_nor_xdg_cache_home_the_command_works_uncached(work: Path) -> None:
    env = _env(None)
    env.pop("HOME", None)
    first, second = run(["validate"], work, env), run(["validate"], work, env)
    assert first.code == 0
    assert first.err == ""
    assert "ok: 10 file(s) valid" in first.out.decode()
    assert not second.hit
    _same_as_fresh(second, first)


@pytest.mark.parametrize("where", ["read-only", "under-a-file"])
def test_an_unwritable_cache_home_leaves_the_command_working(where: str, work: Path, tmp_path: Path) -> None:
    if where == "read-only":
        home = tmp_path / "ro"
        home.mkdir()
        home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    else:
        (tmp_path / "file").write_text("x", encoding="utf-8")
        home = tmp_path / "file" / "cache"
    env = _env(home, HOME=str(home))
    try:
        first, second = run(["status"], work, env), run(["status"], work, env)
    finally:
        if where == "read-only":
            home.chmod(0o700)
    assert first.code == 0 and first.err == ""
    _same_as_fresh(second, first)
    if where == "read-only" and os.geteuid() != 0:  # root writes anywhere
        assert not (home / "cbkpi").exists()


@pytest.mark.parametrize("switch", ["--no-cache", "CBKPI_NO_CACHE"])
def test_switched_off_nothing_is_stored_nor_replayed(switch: str, work: Path, home: Path) -> None:
    args = ["status", "--no-cache"] if switch == "--no-cache" else ["status"]
    env = _env(home, CBKPI_NO_CACHE="1") if switch == "CBKPI_NO_CACHE" else _env(home)
    first, second = run(args, work, env), run(args, work, env)
    assert not first.hit and not second.hit
    assert first.code == 0
    assert entries(home) == []


def test_the_switch_0_keeps_the_cache_on(work: Path, home: Path) -> None:
    env = _env(home, CBKPI_NO_CACHE="0")
    _primed(["validate"], work, env)


def test_failures_and_files_written_are_never_stored(work: Path, home: Path, tmp_path: Path) -> None:
    env = _env(home)
    for args in (["status", "--data-dir", "nowhere"], ["show", "forest_cover", "--chart", str(tmp_path / "c.svg")]):
        first, second = run(args, work, env), run(args, work, env)
        assert not first.hit and not second.hit
    assert (tmp_path / "c.svg").exists()
    assert entries(home) == []


# ------------------------------------------------------------------------------ bounds
def test_at_most_64_entries_after_70_results(work: Path, home: Path) -> None:
    """69 results stored before (written as the cache writes them, older) and one real run."""
    folder = home / "cbkpi"
    for i in range(69):
        digest = f"{i:064x}"
        cache.store(str(folder), digest, {"key": digest, "inputs": [], "events": [[1, f"{i}\n"]], "exit": 0})
        os.utime(folder / f"{digest}.json", ns=(10**18 + i, 10**18 + i))
    assert len(entries(home)) == 64  # the cache's own writes keep the bound
    run(["validate"], work, _env(home))
    kept = entries(home)
    assert len(kept) == 64
    assert (folder / f"{0:064x}.json") not in kept and (folder / f"{68:064x}.json") in kept  # oldest go


def test_the_cache_holds_at_most_32_mb(tmp_path: Path) -> None:
    folder = tmp_path / "cbkpi"
    big = "x" * (7 * 1024 * 1024)  # 7 MB each: the fifth would pass 32 MB
    for i in range(6):
        digest = f"{i:064x}"
        cache.store(str(folder), digest, {"key": digest, "inputs": [], "events": [[1, big]], "exit": 0})
        os.utime(folder / f"{digest}.json", ns=(10**18 + i, 10**18 + i))
    sizes = [p.stat().st_size for p in folder.glob("*.json")]
    assert sum(sizes) <= 32 * 1024 * 1024
    assert len(sizes) == 4  # 4 x 7 MB = 28 MB
