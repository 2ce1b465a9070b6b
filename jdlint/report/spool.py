"""Text a streaming report must hold back until its end, kept off the heap once it grows.

The JSON report lists every finding before the `files` array, and the github format writes
each file's info line after the annotations: those parts are written as results arrive
into a spool, in memory up to `MAX_MEMORY`, then in a temporary file, and copied out at
the end. So the report's memory does not grow with the number of files.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO

MAX_MEMORY = 1 << 20


class Spool:
    """Appended text, read back once (`copy_to` or `lines`), then discarded."""

    def __init__(self) -> None:
        self._file: IO[str] | None = None
        self.empty = True

    def write(self, text: str) -> None:
        if self._file is None:
            # closed by `copy_to`/`lines`; a file name that is not UTF-8 is kept as its surrogates
            self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115
                max_size=MAX_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
            )
        self._file.write(text)
        self.empty = False

    def copy_to(self, out: IO[str]) -> None:
        """Write everything spooled to `out`."""
        if self._file is None:
            return
        self._file.seek(0)
        shutil.copyfileobj(self._file, out)
        self._file.close()
        self._file = None

    def add_line(self, line: str) -> None:
        """Keep one line (any characters: it is stored encoded, one per physical line)."""
        self.write(json.dumps(line) + "\n")

    def lines(self) -> Iterator[str]:
        """The lines kept with `add_line`, in order."""
        if self._file is None:
            return
        self._file.seek(0)
        while record := self._file.readline():
            yield json.loads(record)
        self._file.close()
        self._file = None
