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
            """Start a sentence after every newline token: blocks never merge.

            Written as one array so the cost stays linear: `Token.is_sent_start = True`
            rescans the whole Doc on every call (quadratic on 100,000 headings).
            """
            from spacy.attrs import SENT_START

            if doc.has_annotation("DEP"):  # a trained parser's sentences cannot be overwritten
                return doc
            starts = doc.to_array([SENT_START])
            after_break = False
            for tok in doc:
                if after_break and not tok.is_space:
                    starts[tok.i] = 1
                    after_break = False
                if tok.is_space and "\n" in tok.text:
                    after_break = True
            doc.from_array([SENT_START], starts)
            return doc

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
