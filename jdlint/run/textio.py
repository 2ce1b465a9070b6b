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
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"; `--fix` writes back in it


class DecodeError(ValueError):
    """The bytes are not text jdlint can read; the message says where and why."""


def normalise_newlines(text: str) -> str:
    """Every line ending (CRLF, CR, LF) as one LF: offsets then count a line break as one character."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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
    return Decoded(normalise_newlines(text), encoding)
