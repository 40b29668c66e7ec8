"""Load data files into models, turning every schema violation into a located diagnostic."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cbkpi.diagnostics import DataError, Diagnostic
from cbkpi.models import DataFile
from cbkpi.yamlread import Document, Path_, Positions, load

M = TypeVar("M", bound=BaseModel)

DEFAULT_DATA_DIR = Path("data")
OBSERVATIONS_DIR = "observations"


@dataclass
class Loaded:
    """A validated data file with the positions of its values, for later located checks."""

    file: str
    model: DataFile
    positions: Positions


def resolve_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Follow a pydantic error location through the data, dropping the parts that are not keys
    or indexes (union discriminator tags, validator names). A last part naming a key that is
    missing (or unknown) is kept, so the message can name it."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
        elif isinstance(node, dict) and i == len(loc) - 1:
            pass
        else:
            continue
        path.append(part)
    return tuple(path)


def _all_keys() -> set[str]:
    """Every key any model accepts, for did-you-mean hints."""
    from cbkpi import models

    keys: set[str] = set()
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            keys.update(obj.model_fields)
    return keys


def _where(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "top level"


def _message(error: dict[str, Any], path: Path_) -> str:
    kind = error["type"]
    where = _where(path)
    if kind == "missing":
        return f"{_where(path[:-1])}: missing required key {error['loc'][-1]!r}"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, sorted(_all_keys()), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "; see docs/data-format.md for the keys allowed here"
        return f"{where}: unknown key {name!r}{hint}"
    msg = str(error["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "union_tag_invalid":
        msg = f"unknown target kind {error.get('input')!r}; expected one of: {error['ctx']['expected_tags']}"
    given = error.get("input")
    suffix = ""
    if kind not in ("union_tag_invalid", "value_error") and not isinstance(given, (dict, list)):
        suffix = f" (got {given!r})"
    return f"{where}: {msg}{suffix}"


def diagnostics_from(exc: ValidationError, doc: Document) -> list[Diagnostic]:
    """One located diagnostic per pydantic error."""
    out: list[Diagnostic] = []
    for error in exc.errors(include_url=False):
        path = resolve_path(doc.data, error["loc"])
        if error["type"] == "extra_forbidden":
            mark = doc.positions.key(path)
        else:
            mark = doc.positions.find(path)
        line, col = mark if mark else (None, None)
        out.append(Diagnostic(doc.file, line, col, _message(error, path), code=error["type"]))
    return out


def validate_document(doc: Document, model: type[M]) -> M:
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"a {type(doc.data).__name__}"
        raise DataError([Diagnostic(doc.file, 1, 1, f"the top level is {kind}; expected a mapping with 'source', 'term', 'kind' and 'indicators'", code="type")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise DataError(diagnostics_from(exc, doc)) from None


def load_data_file(path: Path, display: str | None = None) -> Loaded:
    doc = load(path, display)
    return Loaded(doc.file, validate_document(doc, DataFile), doc.positions)


def discover(paths: Iterable[Path], data_dir: Path = DEFAULT_DATA_DIR) -> list[Path]:
    """The data files to read: the given ones, or every ``*.yaml``/``*.yml`` under ``data_dir``
    except the observations folder, sorted for a stable order."""
    given = list(paths)
    if given:
        return given
    found = [
        p for p in sorted(data_dir.rglob("*.y*ml"))
        if p.suffix in (".yaml", ".yml") and OBSERVATIONS_DIR not in p.relative_to(data_dir).parts
    ]
    return found


def load_all(paths: Iterable[Path]) -> Iterator[Loaded | DataError]:
    """Each file loaded, or the error that stopped it; one bad file never hides the others."""
    for path in paths:
        try:
            yield load_data_file(path)
        except DataError as exc:
            yield exc
