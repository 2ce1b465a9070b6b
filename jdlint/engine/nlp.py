"""The spaCy pipeline, built once per process and only when a file needs it.

Default: `spacy.blank("en")` (no model download, works offline), a
sentencizer, and a component that starts a sentence at every block boundary
(a heading, list item or paragraph never runs into the next one). A trained
pipeline can be named in the configuration (`spacy-model`); rules may use
its tags where present but never need them.

Postings in another language that has word lists of its own (German) get
`spacy.blank(code)` with the same components, built the first time such a
posting is linted: a run over English postings never imports `spacy.lang.de`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

_cache: dict[str, Any] = {}
MAX_LENGTH = 64 * 1024 * 1024


def get_nlp(model: str | None = None, configure=None, lang: str = "en") -> Language:
    """Return the shared pipeline for `model` (None: blank English), or blank `lang` for another language.

    The configured model is an English one; a German posting is tokenized by `blank("de")`.
    """
    key = (model or "") if lang == "en" else f"blank:{lang}"
    nlp = _cache.get(key)
    if nlp is None:
        nlp = _build(model if lang == "en" else None, lang)
        if configure is not None:
            configure(nlp)
        _cache[key] = nlp
    return nlp


def _build(model: str | None, lang: str = "en") -> Language:
    import spacy
    from spacy.language import Language

    if "jdlint_block_boundaries" not in Language.factories:

        @Language.component("jdlint_block_boundaries")
        def block_boundaries(doc):
            """Start a sentence after every newline token: blocks never merge."""
            return _block_boundaries(doc)

    if "jdlint_sentences" not in Language.factories:

        @Language.component("jdlint_sentences")
        def sentences(doc):
            """spaCy's sentencizer and the block boundaries in one vectorised pass."""
            return _sentences(doc)

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError as exc:
            raise RuntimeError(
                f"spaCy pipeline {model!r} is not installed ({exc}); "
                "install it or remove `spacy-model` from the configuration"
            ) from None
    else:
        nlp = spacy.blank(lang)
        if lang == "de":
            _split_hyphens(nlp)
    if not nlp.has_pipe("sentencizer") and not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("jdlint_sentences", last=True)  # what sentencizer + block boundaries give, faster
    else:
        nlp.add_pipe("jdlint_block_boundaries", last=True)
    nlp.max_length = MAX_LENGTH
    return nlp


def _split_hyphens(nlp) -> None:
    """Split hyphenated compounds as the English tokenizer does ("Rockstar-Entwickler" -> "Rockstar - Entwickler").

    spaCy's German tokenizer keeps them whole, so a word list could never find
    "Ninja" in "Python-Ninja"; German packs list the parts.
    """
    from spacy.util import compile_infix_regex

    letters = r"[^\W\d_]"
    infixes = [*nlp.Defaults.infixes, rf"(?<={letters})-(?={letters})"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


_PUNCT_HASHES: Any = None


def _sentences(doc):
    """Sentence starts exactly as spaCy's `Sentencizer` (default punctuation) sets them, then block starts.

    The sentencizer walks every token in Python (a `Token` object each); this does the
    same with numpy over `to_array`: a word (neither punctuation nor a sentence-final
    character) starts a sentence when a sentence-final character came after the
    previous word. Checked equal to sentencizer + block boundaries on the corpus.
    """
    import numpy

    global _PUNCT_HASHES
    n = len(doc)
    if n == 0 or doc.has_annotation("DEP"):
        return doc
    if _PUNCT_HASHES is None:
        from spacy.pipeline import Sentencizer

        _PUNCT_HASHES = numpy.array(
            sorted(doc.vocab.strings.add(c) for c in Sentencizer.default_punct_chars), dtype=numpy.uint64
        )
    arr = doc.to_array(["ORTH", "IS_PUNCT", "SENT_START"])
    final = _member(arr[:, 0], _PUNCT_HASHES)
    words = numpy.flatnonzero(~(arr[:, 1].astype(bool) | final))
    seen = numpy.cumsum(final)
    guess = numpy.zeros(n, dtype=bool)
    guess[0] = True
    if len(words):
        prev = numpy.concatenate(([0], seen[words[:-1]]))
        guess[words[seen[words] > prev]] = True
    sent = arr[:, 2].astype(numpy.int64)  # -1 comes back as 2**64-1: the cast restores it
    fresh = sent == 0
    sent[fresh & guess] = 1
    sent[fresh & ~guess] = -1
    sent[_block_starts(doc)] = 1
    doc.from_array(["SENT_START"], sent.astype(numpy.uint64).reshape(-1, 1))
    return doc


def _member(values, members):
    """`numpy.isin(values, members)` for a sorted, non-empty `members`, by binary search.

    `numpy.isin` goes through `numpy.unique`, whose first call imports `numpy.ma`
    (~30 ms, a tenth of what a one-file run adds to spaCy's start-up).
    """
    import numpy

    at = numpy.searchsorted(members, values)
    numpy.minimum(at, len(members) - 1, out=at)
    return members[at] == values


def _block_starts(doc):
    """Indexes of the first word after each whitespace token that holds a newline."""
    import numpy

    arr = doc.to_array(["IS_SPACE", "ORTH"])
    space = arr[:, 0].astype(bool)
    orth = arr[:, 1]
    strings = doc.vocab.strings
    breakers = [o for o in set(orth[space].tolist()) if "\n" in strings[o]]
    if not breakers:
        return numpy.zeros(0, dtype=numpy.int64)
    seen = numpy.cumsum(space & _member(orth, numpy.array(sorted(breakers), dtype=orth.dtype)))
    words = numpy.flatnonzero(~space)
    if not len(words):
        return numpy.zeros(0, dtype=numpy.int64)
    # a word starts a block when a break lies between it and the previous word (or the start)
    prev = numpy.concatenate(([0], seen[words[:-1]]))
    return words[seen[words] > prev]


def _block_boundaries(doc):
    """Mark the first word after a whitespace token holding a newline as a sentence start.

    Vectorised with numpy and written back with one `from_array`: walking the tokens
    in Python cost as much as tokenising, and the `Token.is_sent_start` setter scans
    the whole doc on every call (quadratic on a long file). A parsed doc (a trained
    pipeline with a parser) already has sentence boundaries and is left alone.
    """
    if len(doc) < 2 or doc.has_annotation("DEP"):
        return doc
    starts = _block_starts(doc)
    if len(starts):
        sent = doc.to_array(["SENT_START"]).reshape(-1, 1)
        sent[starts, 0] = 1
        doc.from_array(["SENT_START"], sent)
    return doc
