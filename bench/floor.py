"""The floor for jdlint's corpus CPU, runnable alone: spaCy's tokenizer and sentencizer over the same texts.

    python bench/floor.py DIR [DIR ...]

reads every *.md, *.markdown and *.txt under the folders (the files `jdlint
check` lints there) and runs `spacy.blank("en")` + "sentencizer" `nlp.pipe`
over them, as bench/bench.py's floor does. Time it beside `jdlint check DIR
--no-cache --jobs 1` to get the CPU ratio.
"""

from __future__ import annotations

import sys
from pathlib import Path

SUFFIXES = (".md", ".markdown", ".txt")


def main(folders: list[str]) -> None:
    import spacy

    paths = sorted(p for folder in folders for p in Path(folder).rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**9
    for _doc in nlp.pipe(texts):
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
