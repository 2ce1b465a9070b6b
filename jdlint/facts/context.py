"""What a rule may know besides the posting: configuration, dates, and shared helpers.

One `Context` is made per file; its helpers compute on first use and are
then shared by every rule that asks, so two rules never scan for the same
thing twice.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from functools import cache, cached_property
from typing import Any

from jdlint import data
from jdlint.config import Config
from jdlint.facts.dates import posted_date
from jdlint.facts.language import posting_language
from jdlint.facts.profile import Profile, build_profile
from jdlint.match import GatedAfterFirst, Pattern, SpanSet, phrases
from jdlint.model.posting import Posting


@cache
def _eeo_markers() -> Pattern:
    """The EEO markers, anywhere in a word, as written but in any case: a single fast scan of the posting."""
    markers = data.load("shared/eeo-markers.yaml")["markers"]
    return phrases(markers, lower=True, not_before=None, not_after=None, gaps={})


@cache
def _eeo_markers_gated() -> Pattern:
    """`_eeo_markers` matched with re.IGNORECASE, which lets it run only where the shared literal pass
    found a marker (a posting holds a few, if any) instead of scanning the whole posting.

    Case-insensitive matching and matching in the lower-cased copy agree on every text without
    "İ", "ı" or "ſ" (the three characters re.IGNORECASE reads as "i" or "s"; `_markers_for`).
    """
    markers = data.load("shared/eeo-markers.yaml")["markers"]
    return phrases(markers, not_before=None, not_after=None, gaps={})


_GATED = GatedAfterFirst()  # whether `_markers_for` may answer with the gated markers


def _markers_for(text: str) -> Pattern:
    """The gated markers, or the lower-case scan (a process's first posting, a text with "İ", "ı" or "ſ")."""
    return _eeo_markers_gated() if _GATED(text) else _eeo_markers()


class Context:
    def __init__(
        self,
        posting: Posting,
        config: Config,
        enabled: frozenset[str],
        nlp: Any = None,
        as_of: dt.date | None = None,
        doc: Any = None,
    ) -> None:
        self.posting = posting
        self.config = config
        self.enabled_rules = enabled
        self.nlp = nlp
        self._as_of = as_of
        self._doc = doc

    @property
    def doc(self) -> Any:
        """The spaCy Doc of the whole posting (over `posting.analysis`), made on first use.

        Tokenizing is the largest single cost of a run, so it happens only for a
        rule that asks: a plugin whose hook takes `doc`, or a built-in rule that
        cannot work on less.
        """
        if self._doc is None:
            self._doc = self.nlp(self.posting.analysis)
        return self._doc

    @property
    def lemma_doc(self) -> Any:
        """`doc` when the pipeline sets lemmas (a trained one), else None: the blank default has none to give."""
        return self.doc if self._sets_lemmas else None

    @cached_property
    def _sets_lemmas(self) -> bool:
        """Does the pipeline set lemmas? Asked once per posting: five requirement rules ask for `lemma_doc`."""
        nlp = self.nlp
        return nlp is not None and any("token.lemma" in nlp.get_pipe_meta(n).assigns for n in nlp.pipe_names)

    @property
    def language(self) -> str:
        """The posting's language code (`jdlint.facts.language`): rules with word lists read only their own."""
        return posting_language(self.posting)

    def enabled(self, rule_id: str) -> bool:
        """Rules may skip work for a switched-off id; the engine filters anyway."""
        return rule_id in self.enabled_rules

    def option(self, rule_id: str, name: str, default: Any) -> Any:
        return self.config.option(rule_id, name, default)

    @property
    def as_of(self) -> dt.date:
        """The date laws are judged at: the posting's own date, else --as-of, else today.

        The posting's own date is front matter `date`/`posted`, else a "Date
        Posted:" / "Opening Date:" line in its text.
        """
        fm = self.posting.front_matter
        for key in ("date", "posted", "date_posted"):
            value = fm.get(key) if fm else None
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value.strip()[:10])
                except ValueError:
                    pass
        return posted_date(self.posting) or self._as_of or self.config.as_of or dt.date.today()

    @property
    def eeo_spans(self) -> list[tuple[int, int]]:
        """Spans of equal-opportunity statements (paragraphs and EEO sections), merged and in order."""
        return self._eeo.spans

    def in_eeo(self, offset: int) -> bool:
        return self._eeo.contains(offset)

    @cached_property
    def _eeo(self) -> SpanSet:
        p = self.posting
        markers = _markers_for(p.analysis)
        spans: list[tuple[int, int]] = []
        for _i, sec in enumerate(p.sections):
            if sec.kind == "eeo" and sec.style != "inline":
                spans.append((sec.heading_start, sec.end))
        hits = [m.start() for m in markers.finditer(p)]
        if hits:
            for bl in p.blocks:
                j = bisect_left(hits, bl.start)
                # a marker found within the block (matches are short; one crossing a block end is rare and harmless)
                if j < len(hits) and hits[j] < bl.end and markers.match(p, hits[j], bl.end):
                    spans.append((bl.start, bl.end))
        return SpanSet(spans)

    @cached_property
    def profile(self) -> Profile:
        """What the document is and where the job is (`jdlint.facts.profile`), judged at `as_of`."""
        return build_profile(self.posting, self.as_of, self.config.per_path_kind, self.config.root)

    def section_kind_at(self, offset: int) -> str:
        idx = self.posting.section_index_at(offset)
        return self.posting.effective_kind(idx) if idx >= 0 else "other"
