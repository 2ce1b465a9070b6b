"""`jdlint lsp`: a language server on stdio (pygls), for any LSP editor.

Diagnostics come on open and save at once, and on change after a pause in
typing that fits the document (`Debounce`: as long as its last lint, 30-300 ms),
so a fast typist does not queue a lint per keystroke and a small posting is
not kept waiting. The engine (plugins, packs, spaCy pipeline) is loaded once per
configuration file and kept, so a re-lint costs only the analysis itself.
A file the configuration's `exclude` covers gets no diagnostics; like every
glob, `exclude` is matched relative to the configuration file's folder, so
the editor's absolute paths match as the command line's relative ones do.

LSP positions count UTF-16 code units by default while jdlint counts code
points; every range goes through the position encoding negotiated with the
client, so an emoji before a match does not shift it. Hover shows the rule's
explanation; code actions apply a suggestion (in the original's case, the
"a"/"an" before it made to agree) or insert a `jdlint-disable-next-line`
comment above the line. Info findings are sent as hints, which editors show
without a squiggle, as the terminal formats summarise them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification
from pygls.uris import to_fs_path

from jdlint.engine import Engine
from jdlint.lsp_positions import Positions
from jdlint.model.finding import Finding, Severity
from jdlint.report import links
from jdlint.run import api
from jdlint.run.article import article_edit
from jdlint.run.engines import PerConfigFile
from jdlint.run.fix import match_case
from jdlint.version import __version__

DEBOUNCE_MIN_MS = 30.0  # the pause after a keystroke before a small posting is re-linted
DEBOUNCE_MAX_MS = 300.0  # the longest pause, for a posting whose lint takes 150 ms or more
DEBOUNCE_FACTOR = 1.0  # the pause is this many times the document's last lint
SOURCE = "jdlint"
log = logging.getLogger(__name__)

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Hint,  # editors show hints unobtrusively (dots, not squiggles)
}


class Protocol(LanguageServerProtocol):
    """pygls' protocol, answering a request whose params cannot be decoded (JSON-RPC: Invalid params).

    pygls logged such a request and dropped it, so the client waited for an answer forever."""

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                error = exc if isinstance(exc, JsonRpcInvalidParams) else JsonRpcInvalidParams()
                self._send_response(data["id"], None, error.to_response_error())
            return JsonRPCNotification(method="$/jdlint/undecodable", jsonrpc="2.0", params=None)


class Linter:
    """Lints editor buffers with the engine of each buffer's configuration file (`run.engines.PerConfigFile`)."""

    def __init__(self) -> None:
        self._engines = PerConfigFile()

    @property
    def last_error(self) -> str | None:
        """Why the configuration could not be used, until the message has been shown."""
        return self._engines.last_error

    @last_error.setter
    def last_error(self, value: str | None) -> None:
        self._engines.last_error = value

    def engine_for(self, path: str | None) -> Engine:
        return self._engines.engine_for(path)

    def lint(self, text: str, path: str | None) -> tuple[list[Finding], dict]:
        """The findings and the file's summary (its posting profile among them); none for an excluded file.

        An editor opens whatever the user opens; a file the configuration's `exclude`
        covers gets no diagnostics (publishing none clears earlier ones), as on the
        command line with `--force-exclude`. A buffer over the configuration's
        `max-file-size` is not linted, as the CLI skips such a file: one `file-too-large`
        finding says so (a 10 MB buffer blocked every request for 5-11 s).
        """
        engine = self.engine_for(path)
        if path is not None and engine.config.excludes(path):
            return [], {}
        name = path or "<untitled>"
        limit = engine.config.max_file_size
        if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
            message = f"this document is over the {limit}-byte limit (`max-file-size`); it was not linted"
            return [engine.file_error(name, "file-too-large", message)], {}
        result = api.lint_text(text, path=name, engine=engine)
        return result.findings, result.summary


@dataclass
class DocState:
    """The findings last published for one document, their client ranges, and that version's positions."""

    version: int | None
    text: str
    positions: Positions
    findings: list[Finding] = field(default_factory=list)
    ranges: list[types.Range] = field(default_factory=list)
    profile: dict | None = None  # the posting profile (`files[].profile` of the JSON report)


@dataclass(frozen=True)
class Debounce:
    """How long to wait after a keystroke: `factor` times the document's last lint, within [low, high] ms.

    A fixed 300 ms was most of the 327 ms from keystroke to diagnostics on a
    1,000-word posting whose lint takes 14 ms. Waiting as long as the lint
    still folds a burst of keystrokes into one lint (each keystroke restarts
    the wait) while a lint cannot fall behind the typing (it takes at most half
    the time): a slow posting waits longer. Twice the lint measured 70 ms
    from keystroke to diagnostics on 1,000 words; the target is 60. A client may
    set the bounds (`initializationOptions`:
    `{"debounce": {"min": MS, "max": MS}}`; equal bounds give a fixed wait)."""

    low: float = DEBOUNCE_MIN_MS
    high: float = DEBOUNCE_MAX_MS
    factor: float = DEBOUNCE_FACTOR

    def delay_ms(self, last_lint_ms: float | None) -> float:
        if last_lint_ms is None:  # nothing linted yet (e.g. changed before the open's lint): the lower bound
            return self.low
        return min(self.high, max(self.low, self.factor * last_lint_ms))

    @classmethod
    def from_options(cls, options: Any) -> Debounce:
        """The bounds a client asked for in `initializationOptions`, if sane; the defaults otherwise."""
        wanted = options.get("debounce") if isinstance(options, dict) else None
        if not isinstance(wanted, dict):
            return cls()
        low, high = wanted.get("min", DEBOUNCE_MIN_MS), wanted.get("max", DEBOUNCE_MAX_MS)
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (low, high))
        if not numbers or not 0 <= low <= high <= 10_000:
            log.warning("ignoring initializationOptions.debounce %r: want 0 <= min <= max <= 10000 (ms)", wanted)
            return cls()
        return cls(float(low), float(high))


def finding_range(positions: Positions, f: Finding) -> types.Range:
    return positions.range(f.line, f.column, f.end_line, f.end_column)


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _overlaps(r: types.Range, q: types.Range) -> bool:
    """Touching counts: a cursor at either end of a finding is on it."""
    return not _before(r.end, q.start) and not _before(q.end, r.start)


def _with_article(
    positions: Positions, f: Finding, rng: types.Range, suggestion: str, new: str
) -> tuple[str, types.Range, str]:
    """What a quick fix replaces, where, and with what: the match, or "a rockstar" -> "an expert"
    when the article before it on the same line must change with the word (`run.article`)."""
    line = positions.line(f.line - 1)
    before = line[: f.column - 1]
    edit = article_edit(before, suggestion, f.match)
    if edit is None:
        return f.match, rng, new
    start, end, article = edit
    start_pos = positions.position(f.line, start + 1)
    return before[start:] + f.match, types.Range(start=start_pos, end=rng.end), article + before[end:] + new


def diagnostic(f: Finding, rng: types.Range) -> types.Diagnostic:
    return types.Diagnostic(
        range=rng,
        message=f.message,
        severity=_SEVERITY[f.severity],
        code=f.rule,
        code_description=types.CodeDescription(href=links.rule_url(f.rule)),
        source=SOURCE,
        tags=[types.DiagnosticTag.Unnecessary] if f.rule == "unused-suppression" else None,
    )


class JdlintServer:
    """The handlers, around one pygls `LanguageServer`."""

    def __init__(self) -> None:
        self.server = LanguageServer("jdlint", __version__, protocol_cls=Protocol)
        self.linter = Linter()
        self.docs: dict[str, DocState] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = Debounce()
        self._lint_ms: dict[str, float] = {}  # each open document's last lint-and-publish, in ms
        self._published: dict[str, int] = {}  # each open document's last published version
        self._register()

    # -- linting -------------------------------------------------------------
    def lint_and_publish(self, uri: str, timed: bool = True) -> None:
        """Lint the document's current text and publish; `timed`: its duration sets the next debounce.

        The lint on opening is not timed: it may have loaded the engine and spaCy
        (a second or more), which says nothing about a re-lint after a keystroke."""
        self._pending.pop(uri, None)
        started = time.perf_counter()
        try:
            doc = self.server.workspace.get_text_document(uri)
            source = doc.source
        except Exception:  # closed meanwhile, or an unreadable URI
            return
        version = doc.version
        last = self._published.get(uri)
        if version is not None and last is not None and version < last:
            return  # never replace a newer version's diagnostics with an older one's
        path = to_fs_path(uri) if uri.startswith("file:") else None
        try:
            findings, summary = self.linter.lint(source, path)
        except Exception as exc:  # never crash the editor's session
            log.exception("lint failed")
            self.server.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"jdlint failed on {uri}: {exc}")
            )
            return
        if self.linter.last_error:
            self.server.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Warning, message=self.linter.last_error)
            )
            self.linter.last_error = None
        positions = Positions(source, doc.position_codec)  # one line index for every finding of this version
        ranges = [finding_range(positions, f) for f in findings]
        self.docs[uri] = DocState(version, source, positions, findings, ranges, summary.get("profile"))
        if version is not None:
            self._published[uri] = version
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=[diagnostic(f, r) for f, r in zip(findings, ranges, strict=True)],
            )
        )
        took = (time.perf_counter() - started) * 1000
        if timed:
            self._lint_ms[uri] = took
        else:
            self._lint_ms.pop(uri, None)
        wait = self.debounce.delay_ms(self._lint_ms.get(uri))
        self.trace(f"linted {uri} version {version} in {took:.1f} ms; next debounce {wait:.1f} ms")

    def schedule(self, uri: str, version: int | None = None) -> None:
        """Lint after a pause in typing that fits this document (`Debounce`); each change restarts it."""
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        delay = self.debounce.delay_ms(self._lint_ms.get(uri))
        self.trace(f"changed {uri} version {version}; linting after {delay:.1f} ms without a further change")
        loop = asyncio.get_running_loop()
        self._pending[uri] = loop.call_later(delay / 1000, self.lint_and_publish, uri)

    def trace(self, message: str) -> None:
        """A `$/logTrace` line, sent only when the client asked for a trace (`trace` / `$/setTrace`)."""
        if getattr(self.server.protocol, "trace", types.TraceValue.Off) == types.TraceValue.Off:
            return
        self.server.log_trace(types.LogTraceParams(message=message))

    def now(self, uri: str, timed: bool = True) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.lint_and_publish(uri, timed)

    # -- hover and code actions ------------------------------------------------
    def findings_at(self, uri: str, rng: types.Range) -> list[tuple[Finding, types.Range]]:
        state = self.docs.get(uri)
        if state is None:
            return []
        return [(f, r) for f, r in zip(state.findings, state.ranges, strict=True) if _overlaps(r, rng)]

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        here = types.Range(start=params.position, end=params.position)
        hits = self.findings_at(params.text_document.uri, here)
        profile = self._profile_at(params.text_document.uri, params.position)
        if not hits:
            if profile is None:
                return None
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=profile))
        engine = self.linter.engine_for(self._path(params.text_document.uri))
        parts = []
        for f, _ in hits:
            rule = engine.rules.get(f.rule)
            explain = rule.explain_text() if rule else ""
            parts.append(
                f"**{f.rule}** ({f.severity}): {f.message}\n\n{explain}\n\n[{f.rule} docs]({links.rule_url(f.rule)})"
            )
        if profile is not None:
            parts.insert(0, profile)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=hits[0][1],
        )

    def _profile_at(self, uri: str, position: types.Position) -> str | None:
        """On the title's line: what jdlint takes the file to be (kind, places, language, date), as Markdown."""
        state = self.docs.get(uri)
        profile = state.profile if state else None
        if not profile or profile.get("title_line") is None or position.line != profile["title_line"] - 1:
            return None
        return profile_markdown(profile)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        state = self.docs.get(uri)
        if state is None:
            return []
        actions: list[types.CodeAction] = []
        positions = state.positions  # the published version's line index, not a new one per request
        for f, rng in self.findings_at(uri, params.range):
            diag = diagnostic(f, rng)
            for suggestion in f.suggestions:
                new = match_case(f.match, suggestion) if f.match else suggestion
                if not f.match or "\n" in f.match or new == f.match:
                    continue
                old, edit_range, new = _with_article(positions, f, rng, suggestion, new)
                actions.append(
                    types.CodeAction(
                        title=f"Replace “{old}” with “{new}”",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=suggestion == f.fix,
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=edit_range, new_text=new)]}),
                    )
                )
            disable = self._disable_action(uri, state, f, rng, diag)
            if disable is not None:
                actions.append(disable)
        return actions

    def _disable_action(
        self, uri: str, state: DocState, f: Finding, rng: types.Range, diag: types.Diagnostic
    ) -> types.CodeAction | None:
        if f.rule in ("unused-suppression", "internal-error", "unreadable-file", "file-too-large"):
            return None
        lines = state.positions.raw_lines
        line_no = rng.start.line
        if line_no >= len(lines) and lines:
            return None
        if _in_front_matter(lines, line_no):
            return None  # a comment above the closing `---` would break the front matter
        line = lines[line_no] if lines else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        newline = "\r\n" if line.endswith("\r\n") else "\r" if line.endswith("\r") else "\n"
        at = types.Position(line=line_no, character=0)
        comment = f"{indent}<!-- jdlint-disable-next-line {f.rule} -->{newline}"
        return types.CodeAction(
            title=f"Disable {f.rule} for this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=types.WorkspaceEdit(
                changes={uri: [types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)]}
            ),
        )

    @staticmethod
    def _path(uri: str) -> str | None:
        return to_fs_path(uri) if uri.startswith("file:") else None

    # -- wiring ----------------------------------------------------------------
    def _register(self) -> None:
        ls = self.server

        @ls.feature(types.INITIALIZE)
        def initialize(params: types.InitializeParams) -> None:
            self.debounce = Debounce.from_options(params.initialization_options)
            if params.trace is not None:  # pygls heeds `$/setTrace` but not the initial value
                ls.protocol.trace = params.trace

        @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
        async def did_open(params: types.DidOpenTextDocumentParams) -> None:
            self._published.pop(params.text_document.uri, None)  # (re)opened: its versions start afresh
            self.now(params.text_document.uri, timed=False)

        @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        async def did_change(params: types.DidChangeTextDocumentParams) -> None:
            self.schedule(params.text_document.uri, params.text_document.version)

        @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
        async def did_save(params: types.DidSaveTextDocumentParams) -> None:
            self.now(params.text_document.uri)

        @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        async def did_close(params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            handle = self._pending.pop(uri, None)
            if handle is not None:
                handle.cancel()
            self.docs.pop(uri, None)
            self._lint_ms.pop(uri, None)
            self._published.pop(uri, None)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

        @ls.feature(types.TEXT_DOCUMENT_HOVER)
        def hover(params: types.HoverParams) -> types.Hover | None:
            return self.hover(params)

        @ls.feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
        )
        def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
            return self.code_actions(params)


def profile_markdown(profile: dict) -> str:
    """The posting profile as a hover card."""
    lines = [f"**jdlint profile**: {profile['kind']} ({profile['kind_reason']})", ""]
    language = profile["language"] if profile["language"] != "und" else "undetermined"
    lines.append(f"- language: {language}; judged at {profile['date']}")
    if profile.get("sector"):
        lines.append(f"- employer: {profile['sector']} sector ({profile.get('sector_evidence', '')})")
    for place in profile.get("places") or []:
        where = ", ".join(place["jurisdictions"]) or "no jurisdiction"
        lines.append(f"- place: {place['name']} → {where} ({place['evidence']}, line {place['line']})")
    if not profile.get("places"):
        lines.append("- place: none found (add `location:` to the front matter or a `Location:` line)")
    return "\n".join(lines)


def _in_front_matter(lines: list[str], line_index: int) -> bool:
    """Whether a 0-based line lies inside a leading `---` … `---` YAML block."""
    if not lines or lines[0].lstrip("\ufeff").strip() != "---":
        return False
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return line_index <= i
    return True


def create_server() -> JdlintServer:
    return JdlintServer()


def serve(**_: Any) -> int:
    """Run the server on stdin/stdout until the client says exit; the exit code the LSP spec asks for.

    0 after `shutdown` then `exit`, 1 when the client exits (or the input ends) without `shutdown`."""
    logging.basicConfig(level=logging.WARNING)  # to stderr: stdout belongs to the protocol
    from jdlint.engine import interrupt

    interrupt.install()  # a plugin's KeyboardInterrupt is then its finding, not the server's end
    server = create_server().server
    server.start_io()
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
