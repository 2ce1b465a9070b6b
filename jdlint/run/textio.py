"""Reading files as text: decoding, byte-order marks, line endings.

Decoding is strict. UTF-8 (with or without BOM) and UTF-16 with a BOM are
read; anything else is reported with the byte offset of the first bad byte
instead of being guessed at, so positions are never silently wrong.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str  # BOM removed, every line ending written as LF
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"
    newline: str  # the file's dominant line ending: "\n", "\r\n" or "\r"
    mixed_newlines: bool


class DecodeError(ValueError):
    """The bytes are not text jdlint can read; the message says where and why."""


def normalise_newlines(text: str) -> tuple[str, str, bool]:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"\r\n": crlf, "\r": cr, "\n": lf}
    dominant = max(counts, key=lambda k: (counts[k], k == "\n"))
    mixed = sum(1 for v in counts.values() if v) > 1
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, dominant, mixed


def decode(raw: bytes) -> Decoded:
    """Decode a file's bytes, or raise `DecodeError` saying what is wrong and where."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", raw[3:]
        codec = "utf-8"
    elif raw.startswith(codecs.BOM_UTF16_LE):
        encoding, body, codec = "utf-16-le", raw[2:], "utf-16-le"
    elif raw.startswith(codecs.BOM_UTF16_BE):
        encoding, body, codec = "utf-16-be", raw[2:], "utf-16-be"
    else:
        encoding, body, codec = "utf-8", raw, "utf-8"
        nul = raw.find(b"\x00")
        if nul != -1:
            raise DecodeError(f"binary file (a NUL byte at byte offset {nul}); only text postings can be linted")
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(raw) - len(body))
        bad = body[exc.start : exc.start + 1].hex()
        raise DecodeError(
            f"not valid {codec.upper()} (byte 0x{bad} at byte offset {offset}); re-save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise DecodeError("binary file (a NUL character in the text); only text postings can be linted")
    text, newline, mixed = normalise_newlines(text)
    return Decoded(text, encoding, newline, mixed)


def encode(text: str, like: Decoded) -> bytes:
    """Write LF-normalised `text` back in the encoding, BOM and line ending it came in."""
    if like.newline != "\n":
        text = text.replace("\n", like.newline)
    if like.encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if like.encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if like.encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode("utf-8")
