"""unreadable-file through `jdlint.lint_paths`: a file that cannot be decoded as text is one finding, not a crash.

Paths that cannot be opened at all (loops, FIFOs, permissions) are tested in tests/test_bad_paths.py,
and every encoding corner in tests/test_bad_input.py; this file is the rule's own table.
"""

from __future__ import annotations

import codecs

import pytest

import jdlint

RULE = "unreadable-file"

# ✗ (file name, bytes, words the message must contain)
FLAGGED = [
    pytest.param(
        "latin1.md", "Café team: we need a data engineer.\n".encode("latin-1"), ["0xe9", "UTF-8"], id="latin-1"
    ),
    pytest.param("export.txt", "We’re hiring a data engineer.\n".encode("cp1252"), ["0x92", "UTF-8"], id="cp1252"),
    pytest.param("posting.md", b"%PDF-1.7\n\x00\x01\x02binary", ["binary", "NUL"], id="pdf-saved-as-md"),
    pytest.param("posting.md", b"PK\x03\x04\x14\x00\x06\x00", ["binary", "NUL"], id="docx-saved-as-md"),
    pytest.param("posting.md", "# Data Engineer\n".encode("utf-16-le"), ["binary", "NUL"], id="utf-16-without-bom"),
    pytest.param("posting.md", b"We need \xc0\xaf a data engineer.\n", ["0xc0", "byte offset 8"], id="overlong-utf-8"),
]

# ✓ (file name, bytes): text jdlint can read
PASSING = [
    pytest.param("posting.md", "# Data Engineer\n\nCafé team, naïve résumé.\n".encode(), id="utf-8"),
    pytest.param("posting.md", codecs.BOM_UTF8 + b"# Data Engineer\n", id="utf-8-bom"),
    pytest.param("posting.md", codecs.BOM_UTF16_LE + "# Data Engineer\n".encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param("posting.md", codecs.BOM_UTF16_BE + "# Data Engineer\n".encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param("posting.txt", "Data Engineer\r\n\r\nWe’re hiring.\r\n".encode(), id="crlf"),
    pytest.param("posting.md", "We ship 🚀 weekly.\n".encode(), id="emoji"),
    pytest.param("posting.md", b"", id="empty"),
]


def internal_findings(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return [f for f in jdlint.lint_paths([str(path)]).findings if f.category == "internal"]


@pytest.mark.parametrize(("name", "data", "words"), FLAGGED)
def test_flags(tmp_path, name, data, words):
    (finding,) = internal_findings(tmp_path, name, data)
    assert finding.rule == RULE and (finding.line, finding.column) == (1, 1)
    for word in words:
        assert word in finding.message, finding.message


@pytest.mark.parametrize(("name", "data"), PASSING)
def test_passes(tmp_path, name, data):
    assert internal_findings(tmp_path, name, data) == []
