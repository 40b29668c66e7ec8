"""Load data files into models, turning every schema violation into a located diagnostic."""

from __future__ import annotations

import difflib
import functools
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from cbkpi import inputs_seen
from cbkpi.compact import share_fields_sets
from cbkpi.diagnostics import DataError, Diagnostic, describe_subject, subject
from cbkpi.i18n import say, say_count
from cbkpi.models import DataFile
from cbkpi.safe_text import shorten
from cbkpi.units import UnitRegistry
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
    units: UnitRegistry | None = None
    """The report's units (built-in and declared in any of its files), once every file is read;
    None: the file's own (built-in and declared in it)."""
    areas: frozenset[str] | None = None
    """The report's declared area keys, likewise."""


def resolve_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Follow a pydantic error location through the data, dropping the parts that are not keys
    or indexes (union discriminator tags, validator names). A last part naming a key that is
    missing (or unknown) is kept, so the message can name it."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:  # noqa: SIM114 - separate, so mypy narrows each
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not (isinstance(node, dict) and i == len(loc) - 1):
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


def indicator_at(data: Any, path: Path_) -> tuple[str, str | None] | None:
    """(id, number) of the indicator ``path`` points into (``indicators.30.…``), if any."""
    if len(path) < 2 or path[0] != "indicators" or not isinstance(path[1], int):
        return None
    listed = data.get("indicators") if isinstance(data, dict) else getattr(data, "indicators", None)
    if not isinstance(listed, list) or not 0 <= path[1] < len(listed):
        return None
    return subject(listed[path[1]])


def _message(error: dict[str, Any], path: Path_, about: tuple[str, str | None] | None = None) -> str:
    from cbkpi.i18n import message_lang, t
    from cbkpi.schema_messages import plain

    lang = message_lang()
    kind = error["type"]
    named = f" [{describe_subject(*about, lang)}]" if about else ""
    where = _where(path) + named
    if kind == "missing":
        return f"{_where(path[:-1])}{named}: " + t("msg_missing", lang, name=error["loc"][-1])
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, sorted(_all_keys()), n=1)
        hint = t("msg_did_you_mean", lang, close=close[0]) if close else t("msg_keys_doc", lang)
        return f"{where}: " + t("msg_unknown_key", lang, name=name) + f"; {hint}"
    said = plain(error, lang)
    if said is not None:
        return f"{where}: {said}"
    msg = str(error["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    given = error.get("input")
    suffix = ""
    if kind != "value_error" and not isinstance(given, (dict, list)):
        suffix = t("msg_got", lang, got=shorten(repr(given)))
    return f"{where}: {msg}{suffix}"


MAX_DIAGNOSTICS = 200
"""Schema errors reported per file; a file with more (a generated list of junk) gets a count."""
_SLICE = 50
"""Items of a long list validated at once before the whole file is (see :func:`_first_errors`)."""
_BIG = 20_000
"""Values (aliases expanded) above which a file is checked a slice at a time first."""


def diagnostics_from(exc: ValidationError, doc: Document) -> list[Diagnostic]:
    """One located diagnostic per pydantic error, at most :data:`MAX_DIAGNOSTICS` of them."""
    return _diagnostics(exc.errors(include_url=False), doc)


def _diagnostics(errors: list[Any], doc: Document, stopped: bool = False) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for error in errors[:MAX_DIAGNOSTICS]:
        path = resolve_path(doc.data, error["loc"])
        mark = doc.positions.key(path) if error["type"] == "extra_forbidden" else doc.positions.find(path)
        line, col = mark if mark else (None, None)
        about = indicator_at(doc.data, path)
        ident, number = about if about else (None, None)
        message = _message(error, path, about)
        out.append(Diagnostic(doc.file, line, col, message, code=error["type"], indicator=ident, number=number))
    if stopped:
        out.append(
            Diagnostic(
                doc.file,
                None,
                None,
                say("msg_stopped"),
                code="too-many-errors",
            )
        )
    elif len(errors) > MAX_DIAGNOSTICS:
        out.append(
            Diagnostic(
                doc.file,
                None,
                None,
                say("msg_too_many", count=say_count(len(errors)), shown=len(out)),
                code="too-many-errors",
            )
        )
    return out


def _item_type(annotation: Any) -> Any:
    """``X`` for a ``list[X]`` field, else None."""
    return get_args(annotation)[0] if get_origin(annotation) is list else None


def _big_mappings(doc: Document) -> list[Diagnostic]:
    """Mappings with more keys than any model has fields: certainly invalid (every mapping of a
    data file is a model, and every model forbids unknown keys), and reported once each rather
    than one error per key. The reader lists the wide mappings as it reads."""
    limit = max(len(m.model_fields) for m in _models())
    return [
        Diagnostic(
            doc.file,
            line,
            col,
            say("msg_wide_mapping", count=say_count(count), limit=limit),
            code="too-many-keys",
        )
        for (line, col), count in (doc.wide or [])[:MAX_DIAGNOSTICS]
        if count > limit
    ]


@functools.cache
def _list_fields(model: type[BaseModel]) -> tuple[tuple[str, Any, bool], ...]:
    """(name, item type, whether the items are models) of the model's ``list[X]`` fields."""
    out = []
    for name, field in model.model_fields.items():
        item = _item_type(field.annotation)
        if item is not None:
            out.append((name, item, isinstance(item, type) and issubclass(item, BaseModel)))
    return tuple(out)


@functools.cache
def _list_adapter(item: Any) -> TypeAdapter[Any]:
    """The validator of ``list[item]``, built once. Built here, not in :func:`_first_errors`:
    pydantic copies the calling frame's variables (to resolve names), and that copy would hold
    the list being validated."""
    return TypeAdapter(list[item])


def _first_errors(model: type[BaseModel], data: Any, loc: Path_, out: list[Any]) -> dict[str, list[Any]]:
    """Validate the items of the model's list fields a slice at a time, nested lists first, and
    stop at the first slice with errors: a file holding a long list of junk (``[{}, {}, ...]``)
    then yields its first errors in milliseconds instead of millions of them in gigabytes.
    Returns the long lists validated, so that the whole file is not validated twice.

    The raw items of a top-level list are replaced by None once validated (``data`` is changed):
    only the slice that fails, and what follows it, is left for the messages to point into."""
    validated: dict[str, list[Any]] = {}
    if not isinstance(data, dict):
        return validated
    for name, item, of_models in _list_fields(model):
        items = data.get(name)
        if not isinstance(items, list):
            continue
        if of_models:
            for i, x in enumerate(items):
                _first_errors(item, x, (*loc, name, i), out)
                if out:
                    return validated
        if len(items) <= _SLICE:
            continue
        # A top-level list held nowhere else (the dict, `items` and getrefcount's argument: no
        # alias, no Positions) gives each slice's raw items up once validated: 100,000
        # indicators never hold their parsed YAML and all their models at once. Python 3.14 may
        # count fewer references (borrowed ones are not counted): there an aliased list could
        # look unshared, so the raw items are kept (more memory, same results).
        free = not loc and sys.version_info < (3, 14) and sys.getrefcount(items) == 3
        adapter = _list_adapter(item)
        done: list[Any] = []
        for start in range(0, len(items), _SLICE):
            stop = start + _SLICE
            try:
                chunk = adapter.validate_python(items[start:stop])
            except ValidationError as exc:
                for e in exc.errors(include_url=False):
                    e["loc"] = (*loc, name, start + int(e["loc"][0]), *e["loc"][1:])
                    out.append(e)
                return validated
            share_fields_sets(chunk)
            done.extend(chunk)
            if free:
                items[start:stop] = [None] * len(chunk)  # the length stays: later errors' indexes hold
        validated[name] = done
    return validated


def _models() -> list[type[BaseModel]]:
    from cbkpi import models

    return [o for o in vars(models).values() if isinstance(o, type) and issubclass(o, BaseModel)]


def validate_document(doc: Document, model: type[M]) -> M:
    if not isinstance(doc.data, dict):
        from cbkpi.i18n import message_lang, t

        lang = message_lang()
        kind = t("yr_a_list", lang) if isinstance(doc.data, list) else f"a {type(doc.data).__name__}"
        raise DataError(
            [
                Diagnostic(
                    doc.file,
                    1,
                    1,
                    t("yr_top_level", lang, kind=kind),
                    code="type",
                )
            ]
        )
    # Pydantic reports every error at once; guard against files whose errors would be counted in
    # millions (a 1 MB file of '{},' repeated), which would take gigabytes to list.
    big = _big_mappings(doc)
    if big:
        raise DataError(big)
    first: list[Any] = []
    data = doc.data
    if doc.values > _BIG:
        validated = _first_errors(model, data, (), first)  # long lists (before `data` is copied)
        data = {**data, **validated}
    if first:
        raise DataError(_diagnostics(first, doc, stopped=True))
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        raise DataError(diagnostics_from(exc, doc)) from None
    share_fields_sets(result)  # kept to the end of the command: half the models' memory
    return result


def load_data_file(path: Path, display: str | None = None) -> Loaded:
    doc = load(path, display)
    return Loaded(doc.file, validate_document(doc, DataFile), doc.positions)


def discover(paths: Iterable[Path], data_dir: Path = DEFAULT_DATA_DIR) -> list[Path]:
    """The data files to read: the given ones, or every ``*.yaml``/``*.yml`` under ``data_dir``
    except the observations folder, sorted for a stable order."""
    given = list(paths)
    if given:
        return unique_files(given)
    inputs_seen.tree(data_dir)
    found = [
        p
        for p in sorted(data_dir.rglob("*.y*ml"))
        if p.suffix in (".yaml", ".yml") and OBSERVATIONS_DIR not in p.relative_to(data_dir).parts
    ]
    return found


def _identity(path: Path) -> tuple[object, ...]:
    """The file behind ``path``: device and inode when it exists, else the resolved path."""
    inputs_seen.identity(path)
    try:
        st = path.stat()
    except (OSError, ValueError):
        return ("path", str(path.resolve()))
    return ("inode", st.st_dev, st.st_ino)


def unique_files(paths: Iterable[Path]) -> list[Path]:
    """``paths`` without repeats, in order: a file given twice (by the same name, another
    path to it, or a symbolic link) is read once, so its targets are never counted twice."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for path in paths:
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out
