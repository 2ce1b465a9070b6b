"""The language server under hostile input: huge buffers, undecodable params, `exit` without `shutdown`."""

from __future__ import annotations

from test_lsp import TIMEOUT, _raw_request, client, open_doc  # noqa: F401 (client is a fixture)


def test_a_buffer_over_max_file_size_gets_one_diagnostic_and_is_not_linted(client, tmp_path):  # noqa: F811
    (tmp_path / ".jdlint.yaml").write_text("max-file-size: 4000\n", encoding="utf-8")
    big = "# Engineer\n\n" + "We need a rockstar ninja.\n" * 400  # 10 KB, over the 4,000-byte limit
    uri = open_doc(client, tmp_path / "big.md", big)
    params = client.diagnostics(uri)
    assert [d["code"] for d in params["diagnostics"]] == ["file-too-large"]
    assert "4000-byte limit" in params["diagnostics"][0]["message"]
    small = open_doc(client, tmp_path / "small.md", "We need a rockstar.\n")
    assert "exclusionary-jargon" in {d["code"] for d in client.diagnostics(small)["diagnostics"]}
    assert client.close() == 0


def test_a_request_with_invalid_params_is_answered_with_an_error(client, tmp_path):  # noqa: F811
    answer = _raw_request(client, {"method": "textDocument/hover", "params": {"textDocument": 42}})
    assert answer["error"]["code"] == -32602  # InvalidParams
    answer = _raw_request(client, {"method": "textDocument/codeAction", "params": {"range": "everywhere"}})
    assert answer["error"]["code"] == -32602
    uri = open_doc(client, tmp_path / "after.md", "We need a rockstar.\n")
    assert client.diagnostics(uri)["diagnostics"]  # still serving
    assert client.close() == 0


def test_exit_without_shutdown_exits_1(client):  # noqa: F811
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT) == 1


def test_input_closed_without_shutdown_exits_1(client):  # noqa: F811
    client.proc.stdin.close()
    assert client.proc.wait(timeout=TIMEOUT) == 1
