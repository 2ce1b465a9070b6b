"""`jdlint lsp`, driven over stdio as an editor drives it: JSON-RPC with Content-Length frames."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

TIMEOUT = 60


class Client:
    """A minimal LSP client: requests, notifications, and the server's notifications in order."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "NO_COLOR": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jdlint", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.inbox: queue.Queue = queue.Queue()
        self.stderr: list[bytes] = []
        self.next_id = 0
        self.pending: list[dict] = []  # messages read while waiting for something else
        self.published: list[dict] = []  # every publishDiagnostics received, in order
        self.seen: list[dict] = []  # every message received, in order
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                header = out.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None) -> dict:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        while True:
            msg = self.receive()
            if msg.get("id") == rid and "method" not in msg:
                assert "error" not in msg, msg
                return msg["result"]
            self.pending.append(msg)

    def receive(self) -> dict:
        msg = self.inbox.get(timeout=TIMEOUT)
        assert msg is not None, "the server closed its output: " + b"".join(self.stderr).decode(errors="replace")
        if "method" in msg and "id" in msg:  # a request from the server (e.g. registerCapability)
            self.send({"id": msg["id"], "result": None})
        self.seen.append(msg)
        if msg.get("method") == "textDocument/publishDiagnostics":
            self.published.append(msg["params"])
        return msg

    def diagnostics(self, uri: str, version: int | None = None) -> dict:
        """The next publishDiagnostics for `uri` (for `version`, when given)."""
        while True:
            msg = self.pending.pop(0) if self.pending else self.receive()
            if msg.get("method") != "textDocument/publishDiagnostics":
                continue
            params = msg["params"]
            if params["uri"] == uri and (version is None or params.get("version") == version):
                return params

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def client(tmp_path):
    c = Client(tmp_path)
    result = c.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": tmp_path.as_uri(),
            "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
        },
    )
    c.capabilities = result["capabilities"]
    c.server_info = result.get("serverInfo", {})
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()


def open_doc(client: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
    )
    return uri


def change(client: Client, uri: str, version: int, start, end, text: str) -> None:
    rng = {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": rng, "text": text}]},
    )


def jargon(params: dict) -> list[dict]:
    return [d for d in params["diagnostics"] if d["code"] == "exclusionary-jargon"]


def test_initialize_advertises_the_features(client):
    caps = client.capabilities
    assert client.server_info["name"] == "jdlint"
    assert caps["hoverProvider"]
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    sync = caps["textDocumentSync"]
    assert sync["openClose"] is True and sync["change"] == 2 and sync["save"] is not None
    assert client.close() == 0


def test_open_publishes_utf16_ranges(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Sales 🚀\n\n😀 We need a rockstar closer.\n")
    (diag,) = jargon(client.diagnostics(uri, 1))
    # "rockstar" starts at code point 12 of its line; the emoji before it is two UTF-16 units
    assert diag["range"] == {"start": {"line": 2, "character": 13}, "end": {"line": 2, "character": 21}}
    assert diag["source"] == "jdlint"
    assert diag["severity"] == 2
    assert diag["message"].startswith("“rockstar” is hype jargon")
    assert diag["codeDescription"]["href"].endswith("/docs/rules.md#exclusionary-jargon")


def test_change_is_relinted_and_debounced(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Sales\n\nWe need a rockstar closer.\n")
    assert len(jargon(client.diagnostics(uri, 1))) == 1
    change(client, uri, 2, (2, 10), (2, 18), "skilled")  # rockstar -> skilled, as a keystroke batch would
    assert jargon(client.diagnostics(uri, 2)) == []
    # a burst of typing: five edits in one go; the server lints the last text, not every step
    for version, word in enumerate(["n", "ni", "nin", "ninj", "ninja"], start=3):
        change(client, uri, version, (2, 10), (2, 10 + len(word) - 1 if version > 3 else 17), word)
    final = client.diagnostics(uri, 7)
    assert [d["range"]["start"]["character"] for d in jargon(final)] == [10]
    versions = [p["version"] for p in client.published if p["uri"] == uri]
    assert versions == [1, 2, 7]


def test_save_relints(client, tmp_path):
    path = tmp_path / "job.md"
    uri = open_doc(client, path, "# Sales\n\nWe need a guru.\n")
    assert len(jargon(client.diagnostics(uri, 1))) == 1
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert len(jargon(client.diagnostics(uri))) == 1


def test_hover_shows_the_rules_explanation(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Sales\n\n😀 We need a rockstar closer.\n")
    client.diagnostics(uri, 1)
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 15}}
    )
    assert hover["contents"]["kind"] == "markdown"
    assert "Superlative, in-group titles describe a stereotype" in hover["contents"]["value"]
    assert hover["range"]["start"] == {"line": 2, "character": 13}
    nothing = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}}
    )
    assert nothing is None


def test_code_actions_apply_a_suggestion_or_disable_the_line(client, tmp_path):
    text = "# Sales\n\n- Rockstar closers wanted.\n"
    uri = open_doc(client, tmp_path / "job.md", text)
    (diag,) = jargon(client.diagnostics(uri, 1))
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}},
    )
    actions = [a for a in actions if a["diagnostics"][0]["code"] == "exclusionary-jargon"]  # other rules may add theirs
    titles = [a["title"] for a in actions]
    assert titles == [
        "Replace “Rockstar” with “Expert”",
        "Replace “Rockstar” with “Skilled engineer”",
        "Replace “Rockstar” with “High performer”",
        "Disable exclusionary-jargon for this line",
    ]
    edit = actions[0]["edit"]["changes"][uri]
    assert edit == [{"range": diag["range"], "newText": "Expert"}]
    insert = actions[-1]["edit"]["changes"][uri]
    assert insert == [
        {
            "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
            "newText": "<!-- jdlint-disable-next-line exclusionary-jargon -->\n",
        }
    ]
    # the editor applies the disable comment; the finding goes and the comment is not "unused"
    change(client, uri, 2, (2, 0), (2, 0), insert[0]["newText"])
    after = client.diagnostics(uri, 2)
    assert [d["code"] for d in after["diagnostics"] if d["code"] in ("exclusionary-jargon", "unused-suppression")] == []


def test_quick_fixes_keep_a_and_an_right(client, tmp_path):
    text = "# Sales\n\n😀 We need a rockstar closer, an ninja.\n"
    uri = open_doc(client, tmp_path / "job.md", text)
    rockstar, ninja = jargon(client.diagnostics(uri, 1))
    edits = {}
    for diag in (rockstar, ninja):
        actions = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}},
        )
        for a in actions:
            if a["diagnostics"][0]["code"] == "exclusionary-jargon" and a["title"].startswith("Replace"):
                edits[a["title"]] = a["edit"]["changes"][uri]
    # the edit starts at the article (after a two-unit emoji: UTF-16) and ends where the finding ends
    assert edits["Replace “a rockstar” with “an expert”"] == [
        {
            "range": {"start": {"line": 2, "character": 11}, "end": rockstar["range"]["end"]},
            "newText": "an expert",
        }
    ]
    assert edits["Replace “rockstar” with “skilled engineer”"] == [
        {"range": rockstar["range"], "newText": "skilled engineer"}
    ]
    start = {"line": 2, "character": ninja["range"]["start"]["character"] - 3}
    assert edits["Replace “an ninja” with “a specialist”"] == [
        {"range": {"start": start, "end": ninja["range"]["end"]}, "newText": "a specialist"}
    ]


def test_info_findings_are_hints(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Analyst\n\nA competitive, driven hire.\n")
    coded = [d for d in client.diagnostics(uri, 1)["diagnostics"] if d["code"] == "gender-coded"]
    assert len(coded) == 2 and {d["severity"] for d in coded} == {4}  # DiagnosticSeverity.Hint


def test_crlf_document_positions(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Sales\r\n\r\nA true ninja.\r\n")
    (diag,) = jargon(client.diagnostics(uri, 1))
    assert diag["range"] == {"start": {"line": 2, "character": 7}, "end": {"line": 2, "character": 12}}


def test_a_broken_configuration_is_shown_and_linting_goes_on(client, tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("bogus-key: 1\n", encoding="utf-8")
    uri = open_doc(client, tmp_path / "job.md", "# Sales\n\nWe need a rockstar closer.\n")
    assert len(jargon(client.diagnostics(uri, 1))) == 1
    shown = [m for m in client.seen if m.get("method") == "window/showMessage"]
    assert shown and ".jdlint.yaml" in shown[0]["params"]["message"]
    assert "using the default configuration" in shown[0]["params"]["message"]


def test_configuration_is_honoured(client, tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("ignore: [exclusionary-jargon]\n", encoding="utf-8")
    uri = open_doc(client, tmp_path / "job.md", "# Sales\n\nWe need a rockstar closer.\n")
    assert jargon(client.diagnostics(uri, 1)) == []


def _raw_request(client: Client, payload: dict) -> dict:
    """Send a request as given (possibly malformed) and return the server's answer to it."""
    client.next_id += 1
    rid = client.next_id
    client.send({"id": rid, **payload})
    while True:
        msg = client.receive()
        if msg.get("id") == rid and "method" not in msg:
            return msg
        client.pending.append(msg)


def test_unknown_methods_and_malformed_requests_get_errors_and_the_server_keeps_serving(client, tmp_path):
    unknown = _raw_request(client, {"method": "jdlint/noSuchMethod", "params": {}})
    assert unknown["error"]["code"] == -32601  # MethodNotFound
    never_opened = {"uri": (tmp_path / "never-opened.md").as_uri()}
    answer = _raw_request(
        client,
        {
            "method": "textDocument/hover",
            "params": {"textDocument": never_opened, "position": {"line": 0, "character": 0}},
        },
    )
    assert answer.get("result") is None  # no document, no hover; no crash
    # params of the wrong shape cannot even be decoded: pygls answers with an error or logs the message
    client.next_id += 1
    bad_id = client.next_id
    client.send({"id": bad_id, "method": "textDocument/hover", "params": {"textDocument": 42}})
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": "not an object"}})
    client.proc.stdin.write(b"Content-Length: 9\r\n\r\n{not json")  # not JSON at all
    client.proc.stdin.flush()
    uri = open_doc(client, tmp_path / "after.md", "We need a rockstar.\n")
    assert [d["range"]["start"] for d in jargon(client.diagnostics(uri))] == [{"line": 0, "character": 10}]
    answered = any(m.get("id") == bad_id and "error" in m for m in client.seen)
    logged = b"Unable to handle message" in b"".join(client.stderr)
    assert answered or logged
    assert client.close() == 0


def test_a_document_closed_mid_lint_does_not_stop_the_server(client, tmp_path):
    uri = open_doc(client, tmp_path / "gone.md", "We need a rockstar.\n")
    change(client, uri, 2, (0, 0), (0, 0), "Hello. ")
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})  # before the debounced lint runs
    other = open_doc(client, tmp_path / "other.md", "Seeking a ninja.\n")
    assert [d["range"]["start"] for d in jargon(client.diagnostics(other))] == [{"line": 0, "character": 10}]
    assert client.close() == 0


def test_hover_on_the_title_shows_the_posting_profile(client, tmp_path):
    text = "---\nlocation: Denver, CO\n---\n# Backend Engineer\n\nYou will build APIs.\n"
    uri = open_doc(client, tmp_path / "job.md", text)
    client.diagnostics(uri, 1)
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 4}}
    )
    value = hover["contents"]["value"]
    assert "jdlint profile" in value and "posting" in value and "judged at" in value
    body = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 4}})
    assert body is None  # elsewhere, with no finding under the cursor: nothing


def test_a_readme_is_not_asked_for_disclosures_in_the_editor(client, tmp_path):
    uri = open_doc(client, tmp_path / "README.md", "# Our postings\n\nEach file under postings/ is one job.\n")
    rules = {d["code"] for d in client.diagnostics(uri, 1)["diagnostics"]}
    assert not rules & {"visa-statement", "eeo-statement", "pay-transparency"}


# -- positions, debounce and latency (issue 21: the editor without its 300 ms wait) ---------------------


def _started(tmp_path, **initialize) -> Client:
    """A client initialized with extra `initialize` params (trace, initializationOptions, capabilities)."""
    c = Client(tmp_path)
    params = {
        "processId": os.getpid(),
        "rootUri": tmp_path.as_uri(),
        "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
        **initialize,
    }
    c.capabilities = c.request("initialize", params)["capabilities"]
    c.notify("initialized", {})
    return c


def _starts(params: dict, code: str = "exclusionary-jargon") -> list[tuple[int, int, int]]:
    return [
        (d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["character"])
        for d in params["diagnostics"]
        if d["code"] == code
    ]


MIXED = (
    "# Café crème sales lead\n"  # line 0
    "\n"
    "Our café in Zürich needs a rockstar barista.\n"  # 2: accented letters are one UTF-16 unit each
    "🚀🚀 We need a ninja closer.\n"  # 3: each rocket is two UTF-16 units
    "招聘: we want a guru for 上海.\n"  # 4: CJK characters are one unit each
    "👩‍💻 Seeking a rockstar 🚀 engineer.\n"  # 5: woman + ZWJ + laptop = 5 units; the rocket after is no matter
    "Plain ASCII line with a ninja in it.\n"  # 6
)


def test_positions_on_lines_with_emoji_accents_and_cjk(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", MIXED)
    assert _starts(client.diagnostics(uri, 1)) == [
        (2, 27, 35),
        (3, 15, 20),  # code point 13 on its line; each astral rocket adds a unit
        (4, 14, 18),
        (5, 16, 24),  # code point 14; the woman and the laptop add a unit each, the joiner none
        (6, 24, 29),
    ]


def test_positions_in_utf8_and_utf32_when_the_client_negotiates_them(tmp_path):
    for encoding, expected in (
        # UTF-8: é and ü two bytes, rockets and the technologist's emoji four, CJK three
        ("utf-8", [(2, 29, 37), (3, 19, 24), (4, 18, 22), (5, 22, 30), (6, 24, 29)]),
        ("utf-32", [(2, 27, 35), (3, 13, 18), (4, 14, 18), (5, 14, 22), (6, 24, 29)]),  # code points
    ):
        c = _started(tmp_path, capabilities={"general": {"positionEncodings": [encoding]}})
        try:
            assert c.capabilities["positionEncoding"] == encoding
            uri = open_doc(c, tmp_path / f"job-{encoding}.md", MIXED)
            assert _starts(c.diagnostics(uri, 1)) == expected
            assert c.close() == 0
        finally:
            if c.proc.poll() is None:
                c.proc.kill()


def test_a_byte_order_mark_counts_on_the_first_line_only(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "\ufeffWe need a rockstar.\nAnd a 😀 ninja.\n")
    assert _starts(client.diagnostics(uri, 1)) == [(0, 11, 19), (1, 9, 14)]


def test_the_disable_action_reads_the_line_the_finding_is_on(client, tmp_path):
    # a form feed is not a line break for LSP nor for jdlint: the comment takes the finding's own indent
    text = "# Sales\n\nPage one\x0c page two.\n\n   We need a rockstar.\n"
    uri = open_doc(client, tmp_path / "job.md", text)
    (diag,) = jargon(client.diagnostics(uri, 1))
    assert diag["range"]["start"] == {"line": 4, "character": 13}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}},
    )
    (disable,) = [a for a in actions if a["title"] == "Disable exclusionary-jargon for this line"]
    assert disable["edit"]["changes"][uri] == [
        {
            "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
            "newText": "   <!-- jdlint-disable-next-line exclusionary-jargon -->\n",
        }
    ]


def _frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _traces(client: Client) -> list[str]:
    return [m["params"]["message"] for m in client.seen if m.get("method") == "$/logTrace"]


def test_a_burst_of_keystrokes_is_one_lint_of_the_last_version(tmp_path):
    c = _started(tmp_path, trace="verbose")
    try:
        uri = open_doc(c, tmp_path / "job.md", "# Sales\n\nWe need a skilled closer.\n")
        assert jargon(c.diagnostics(uri, 1)) == []
        # "skilled" -> "ninja", typed as an editor sends it: five changes, written at once
        burst = b""
        for version, word in enumerate(["n", "ni", "nin", "ninj", "ninja"], start=2):
            end = 17 if version == 2 else 10 + len(word) - 1
            rng = {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": end}}
            burst += _frame(
                {
                    "method": "textDocument/didChange",
                    "params": {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"range": rng, "text": word}],
                    },
                }
            )
        c.proc.stdin.write(burst)
        c.proc.stdin.flush()
        assert _starts(c.diagnostics(uri, 6)) == [(2, 10, 15)]
        c.request("shutdown", None)  # everything the server sent before it answers is in `seen`
        assert [p["version"] for p in c.published if p["uri"] == uri] == [1, 6]
        linted = [t for t in _traces(c) if t.startswith("linted")]
        assert [t.split(" version ")[1].split()[0] for t in linted] == ["1", "6"]
    finally:
        c.proc.kill()


def _debounces(traces: list[str], uri: str) -> tuple[list[tuple[float, float]], list[float]]:
    """(lint ms, next debounce ms) of each lint of `uri`, and the wait announced at each change."""
    linted, waits = [], []
    for t in traces:
        if t.startswith(f"linted {uri} "):
            took = float(t.split(" in ")[1].split(" ms")[0])
            linted.append((took, float(t.split("next debounce ")[1].split(" ms")[0])))
        elif t.startswith(f"changed {uri} "):
            waits.append(float(t.split("linting after ")[1].split(" ms")[0]))
    return linted, waits


def test_the_debounce_follows_the_documents_last_lint(tmp_path):
    c = _started(tmp_path, trace="verbose")
    try:
        small = open_doc(c, tmp_path / "small.md", "# Sales\n\nWe need a rockstar.\n")
        c.diagnostics(small, 1)
        examples = Path(__file__).resolve().parent.parent / "examples"
        one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(examples.iterdir()))
        big = open_doc(c, tmp_path / "big.md", "\n\n".join([one] * 30))  # ~5,000 words
        c.diagnostics(big, 1)
        for uri in (small, big):
            for version in (2, 3):
                change(c, uri, version, (0, 0), (0, 0), "x")
                c.diagnostics(uri, version)
        c.request("shutdown", None)
        traces = _traces(c)
        for uri in (small, big):
            linted, waits = _debounces(traces, uri)
            assert len(linted) == 3 and len(waits) == 2
            assert linted[0][1] == 30.0
            for took, wait in linted[1:]:  # as long as the last lint, between 30 and 300 ms
                assert wait == pytest.approx(min(300.0, max(30.0, took)), abs=0.11)
            # the open's lint (which may have loaded the engine) sets nothing: the first change waits
            # the lower bound, the next one what the re-lint before it announced
            assert waits == [30.0, linted[1][1]]
        assert _debounces(traces, big)[1][1] > _debounces(traces, small)[1][1]
    finally:
        c.proc.kill()


def _one_edit(tmp_path, debounce: dict):
    """A session started with `debounce` options that opened a posting, typed one character and closed."""
    c = _started(tmp_path, trace="messages", initializationOptions={"debounce": debounce})
    try:
        uri = open_doc(c, tmp_path / "job.md", "# Sales\n\nWe need a rockstar.\n")
        c.diagnostics(uri, 1)
        change(c, uri, 2, (0, 0), (0, 0), "x")
        c.diagnostics(uri, 2)
        assert c.close() == 0
        return c, uri
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


def test_the_client_can_fix_the_debounce(tmp_path):
    c, uri = _one_edit(tmp_path, {"min": 120, "max": 120})
    assert _debounces(_traces(c), uri)[1] == [120.0]


def test_debounce_options_that_make_no_sense_are_ignored(tmp_path):
    c, uri = _one_edit(tmp_path, {"min": 500, "max": "soon"})
    assert _debounces(_traces(c), uri)[1] == [30.0]  # the defaults
    assert b"ignoring initializationOptions.debounce" in b"".join(c.stderr)


def test_no_trace_unless_the_client_asks(client, tmp_path):
    uri = open_doc(client, tmp_path / "job.md", "# Sales\n\nWe need a rockstar.\n")
    client.diagnostics(uri, 1)
    change(client, uri, 2, (0, 0), (0, 0), "x")
    client.diagnostics(uri, 2)
    assert client.close() == 0
    assert _traces(client) == []
