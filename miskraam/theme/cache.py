"""Results kept by the hash of what they were made from, so that every build (the course's,
the editions', each small test book's) does not redo the same slow work on the same theme
files: parsing its stylesheets (csstrim.py) and subsetting its icon fonts (iconfonts.py).

A result is stored under the SHA-256 of its input, so a changed input is simply another key
and nothing can go stale. The folder is ``$MISKRAAM_CACHE`` or ``~/.cache/miskraam``; a
folder that cannot be written only means the work is done again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

#: bump when the stored form of a result changes
FORMAT = "1"

_memory: dict[str, object] = {}


def folder() -> Path:
    configured = os.environ.get("MISKRAAM_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "miskraam"


def _path(kind: str, made_from: str | bytes) -> Path:
    data = made_from.encode("utf-8") if isinstance(made_from, str) else made_from
    digest = hashlib.sha256(FORMAT.encode() + b"\0" + data).hexdigest()
    return folder() / f"{kind}-{digest}.json"


def stored(kind: str, made_from: str | bytes):
    """The result kept for this input, or None."""
    path = _path(kind, made_from)
    if path.stem in _memory:
        return _memory[path.stem]
    try:
        result = _decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _memory[path.stem] = result
    return result


def store(kind: str, made_from: str | bytes, result) -> None:
    path = _path(kind, made_from)
    _memory[path.stem] = result
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(_encode(result)), encoding="utf-8")
        partial.replace(path)  # whole or not at all, also with two builds at once
    except OSError:
        pass


def cached(kind: str, made_from: str | bytes, make: Callable[[], object],
           keep: Callable[[object], bool] = lambda result: True) -> object:
    """`make()`'s result (JSON data, or bytes), made once per input; a result `keep` refuses
    (a measurement that failed, which may have been chance) is made again next time."""
    result = stored(kind, made_from)
    if result is None:
        result = make()
        if keep(result):
            store(kind, made_from, result)
    return result


def _encode(result) -> dict:
    if isinstance(result, bytes):
        return {"bytes": base64.b64encode(result).decode("ascii")}
    return {"json": result}


def _decode(stored: dict):
    if "bytes" in stored:
        return base64.b64decode(stored["bytes"])
    return stored["json"]
