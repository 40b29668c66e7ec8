"""What the command line does once at start-up to start fast (the library does none of it).

pydantic looks for plugins (``pydantic`` entry points) the first time it builds a validator:
it imports :mod:`importlib.metadata` (with ``email``, ``zipfile``, ``csv``…) and reads the
metadata of every installed distribution, about a tenth of the start-up of ``cbkpi status``.
cbkpi's models use no plugin, and ``PYDANTIC_DISABLE_PLUGINS`` alone skips the scan but not the
imports. :func:`skip_pydantic_plugins` registers an empty plugin loader before pydantic imports
its own, in the ``cbkpi`` process only: a program that imports :mod:`cbkpi` as a library keeps
its plugins.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"


def _no_plugins() -> Iterable[object]:
    return ()


def skip_pydantic_plugins() -> None:
    """Make pydantic's plugin lookup return no plugin without importing importlib.metadata.

    Done only while pydantic's loader is not imported yet (nothing to undo otherwise)."""
    if LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER, "cbkpi: no pydantic plugins in the command line (cbkpi.startup)")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    setattr(loader, "__getattr__", _real_loader)  # noqa: B010 - a module's fallback lookup
    sys.modules[LOADER] = loader


def _real_loader(name: str) -> object:
    """Anything else a later pydantic asks of its loader: the real module, imported now.
    (Dunder names, which import machinery probes, are simply absent.)"""
    if name.startswith("__"):
        raise AttributeError(name)
    sys.modules.pop(LOADER, None)
    return getattr(importlib.import_module(LOADER), name)
