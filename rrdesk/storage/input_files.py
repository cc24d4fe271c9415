"""Reading a file rrdesk is given as input, within bounds.

Every file rrdesk reads from outside (a key file, a backup's header, a passphrase file, a PDF to
verify, a draft to check) comes through :func:`read_input_file`: it must be a regular file (not a
named pipe, a device such as ``/dev/zero`` or a folder), its size is checked before a byte is
read, and no more than the limit is ever read. JSON from such a file is parsed by
:func:`parse_bounded_json`, which refuses deep nesting and numbers no real file holds (``1e999``,
``NaN``, integers hundreds of digits long) before Python's parser can run out of stack or
memory.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any, BinaryIO

from rrdesk.storage.errors import StoreError

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
MAX_JSON_DEPTH = 8
MAX_INTEGER_DIGITS = 20


class InputFileError(StoreError):
    """A file given as input that rrdesk will not read: not a regular file, or too large."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something other than a file"


def open_input_file(path: Path, *, what: str) -> BinaryIO:
    """``path`` opened for reading, once it is known to be a regular file.

    Raises :class:`InputFileError` when it is not (a named pipe is opened without waiting for a
    writer, so nothing hangs) and ``OSError`` (``FileNotFoundError``, ``PermissionError``…) as
    the operating system gives it, for the caller to word.
    """
    descriptor = os.open(path, _READ_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputFileError(f"{path} is {_kind(mode)}, not a {what}.")
        if _READ_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_input_file(path: Path, *, what: str, max_bytes: int) -> bytes:
    """The bytes of the ``what`` (``"key file"``, ``"passphrase file"``) at ``path``, opened with
    :func:`open_input_file`; :class:`InputFileError` if it holds more than ``max_bytes``, found
    before any of it is read."""
    with open_input_file(path, what=what) as handle:
        if os.fstat(handle.fileno()).st_size > max_bytes:
            raise InputFileError(_too_large(path, what, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise InputFileError(_too_large(path, what, max_bytes))
    return data


def _too_large(path: Path, what: str, max_bytes: int) -> str:
    return f"The {what} {path} is too large: no {what} is over {_size(max_bytes)}."


def _size(count: int) -> str:
    if count >= 1 << 20:
        return f"{count >> 20} MB"
    if count >= 1 << 10:
        return f"{count >> 10} KB"
    return f"{count} bytes"


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def parse_bounded_json(raw: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse ``raw`` (UTF-8 JSON) with limits; ``ValueError`` for anything outside them.

    Nesting deeper than ``max_depth`` is refused before parsing (Python's parser would recurse
    until it ran out of stack); so are numbers that are not finite and integers longer than
    :data:`MAX_INTEGER_DIGITS` digits. ``UnicodeDecodeError`` (a ``ValueError``) for bytes that
    are not UTF-8.
    """
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        depth += 1 if bracket.group() in (b"[", b"{") else -1
        if depth > max_depth:
            raise ValueError("nested too deeply")
    import json

    return json.loads(
        raw.decode("utf-8"),
        parse_float=_finite_float,
        parse_int=_short_int,
        parse_constant=_no_constant,
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _short_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise ValueError("a number out of range")
    return int(text)


def _no_constant(text: str) -> float:
    raise ValueError(f"{text} is not a number")
