"""The spaCy pipeline, built once per process and only when a file needs it.

Default: `spacy.blank("en")` (no model download, works offline), a
sentencizer, and a component that starts a sentence at every block boundary
(a heading, list item or paragraph never runs into the next one). A trained
pipeline can be named in the configuration (`spacy-model`); rules may use
its tags where present but never need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

_cache: dict[str, Any] = {}
MAX_LENGTH = 64 * 1024 * 1024


def get_nlp(model: str | None = None, configure=None) -> Language:
    """Return the shared pipeline for `model` (None: blank English)."""
    key = model or ""
    nlp = _cache.get(key)
    if nlp is None:
        nlp = _build(model)
        if configure is not None:
            configure(nlp)
        _cache[key] = nlp
    return nlp


def _build(model: str | None) -> Language:
    import spacy
    from spacy.language import Language

    if "jdlint_block_boundaries" not in Language.factories:

        @Language.component("jdlint_block_boundaries")
        def block_boundaries(doc):
            """Start a sentence after every newline token: blocks never merge."""
            return _block_boundaries(doc)

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError as exc:
            raise RuntimeError(
                f"spaCy pipeline {model!r} is not installed ({exc}); "
                "install it or remove `spacy-model` from the configuration"
            ) from None
    else:
        nlp = spacy.blank("en")
    if not nlp.has_pipe("sentencizer") and not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("jdlint_block_boundaries", last=True)
    nlp.max_length = MAX_LENGTH
    return nlp


def _block_boundaries(doc):
    """Mark the first word after a whitespace token holding a newline as a sentence start.

    Vectorised with numpy and written back with one `from_array`: walking the tokens
    in Python cost as much as tokenising, and the `Token.is_sent_start` setter scans
    the whole doc on every call (quadratic on a long file). A parsed doc (a trained
    pipeline with a parser) already has sentence boundaries and is left alone.
    """
    import numpy

    n = len(doc)
    if n < 2 or doc.has_annotation("DEP"):
        return doc
    arr = doc.to_array(["IS_SPACE", "ORTH", "SENT_START"])
    space = arr[:, 0].astype(bool)
    orth = arr[:, 1]
    strings = doc.vocab.strings
    breakers = [o for o in numpy.unique(orth[space]).tolist() if "\n" in strings[o]]
    if not breakers:
        return doc
    breaks = space & numpy.isin(orth, breakers)
    seen = numpy.cumsum(breaks)
    words = numpy.flatnonzero(~space)
    if not len(words):
        return doc
    # a word starts a block when a break lies between it and the previous word (or the start)
    prev_seen = numpy.concatenate(([0], seen[words[:-1]]))
    starts = words[seen[words] > prev_seen]
    if not len(starts):
        return doc
    sent = arr[:, 2:3].copy()
    sent[starts, 0] = 1
    doc.from_array(["SENT_START"], sent)
    return doc
