"""The one place where text from a repository is made safe to print: file names, lines, messages.

File names, posting lines and plugins' rule messages are repository content.
Printed as they are, a newline in a file name starts a new log line (where
GitHub's runner obeys `::error …`, `::add-mask::` and the like), an ESC byte
drives the terminal, and the runner obeys a legacy `##[command]` anywhere in a
line. Every human-facing reporter (text, concise) and the CLI's stderr lines
pass such text through these functions and nothing else; the data formats
(json, sarif) and `--format github` (its own escaping) do not need them.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab kept), DEL, and the bidirectional overrides that reorder what a reader sees
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}
_WORKFLOW = "##["
_WORKFLOW_SAFE = "#\u2060#["  # a word joiner: looks the same, is not a command


def _escaped(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\n`, `\\e`, `\\x07`): one line, no terminal commands."""
    return _CONTROL.sub(lambda m: _escaped(m.group()), text).replace(_WORKFLOW, _WORKFLOW_SAFE)


def path(name: str) -> str:
    """A file name for the start of a line: `visible`, and never `::` first (a workflow command)."""
    shown = visible(name)
    if shown.lstrip().startswith("::"):
        shown = "./" + shown
    return shown


def message(text: str) -> str:
    """A rule's message or suggestion (a plugin's text is repository-controlled too)."""
    return visible(text)


def frame(line: str) -> str:
    """A posting line in a code frame: each control character one `\ufffd` (columns stay aligned)."""
    return _CONTROL.sub("\ufffd", line).replace(_WORKFLOW, _WORKFLOW_SAFE)


def stderr(line: str) -> str:
    """A whole diagnostic line for stderr (it names files and quotes configuration)."""
    shown = visible(line)
    return "./" + shown if shown.lstrip().startswith("::") else shown
