"""Bytes to text: a byte-order mark decides, else UTF-8, else a detected legacy
encoding; binary files are refused."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # control bytes (ESC starts ISO-2022 shifts)
_MAX_NOT_TEXT = 0.05  # share of control bytes above which a non-UTF-8 file is binary
_CHAOS_TIE = 0.01  # detector candidates this close in "chaos" read equally well
_WESTERN = "cp1252"  # of equally good candidates, the usual encoding of older Western news files


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; ValueError when it is not text.

    A byte-order mark decides; else UTF-8; else, unless the bytes look binary,
    charset-normalizer tells the legacy encoding (imported only then: most files
    are UTF-8, and the import costs about 50 ms).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding.upper()} despite its byte-order mark") from None
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_NOT_TEXT.findall(data)) > _MAX_NOT_TEXT * len(data):
        raise ValueError("binary file (mostly undecodable bytes), not text")
    return _legacy(data)


def _legacy(data: bytes) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # a declared dependency; a bare source checkout may lack it
        return data.decode(_WESTERN, errors="replace"), _WESTERN
    matches = list(from_bytes(data))
    if not matches:
        raise ValueError("binary file or unknown encoding (no text encoding reads it)")
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + _CHAOS_TIE]
    western = any(_WESTERN in m.could_be_from_charset for m in tied)
    encoding = codecs.lookup(_WESTERN if western else tied[0].encoding).name
    return data.decode(encoding, errors="replace"), encoding
