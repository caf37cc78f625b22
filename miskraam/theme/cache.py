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


def cached(kind: str, made_from: str | bytes, make: Callable[[], object],
           keep: Callable[[object], bool] = lambda result: True) -> object:
    """`make()`'s result (JSON data, or bytes), made once per input; a result `keep` refuses
    (a measurement that failed, which may have been chance) is made again next time."""
    data = made_from.encode("utf-8") if isinstance(made_from, str) else made_from
    digest = hashlib.sha256(FORMAT.encode() + b"\0" + data).hexdigest()
    key = f"{kind}-{digest}"
    if key in _memory:
        return _memory[key]
    path = folder() / f"{key}.json"
    try:
        result = _decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        result = make()
        if not keep(result):
            return result
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(_encode(result)), encoding="utf-8")
            partial.replace(path)  # whole or not at all, also with two builds at once
        except OSError:
            pass
    _memory[key] = result
    return result


def _encode(result) -> dict:
    if isinstance(result, bytes):
        return {"bytes": base64.b64encode(result).decode("ascii")}
    return {"json": result}


def _decode(stored: dict):
    if "bytes" in stored:
        return base64.b64decode(stored["bytes"])
    return stored["json"]
