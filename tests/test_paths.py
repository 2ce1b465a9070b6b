"""Paths, through the real command: globs relative to the configuration's folder however a path is typed,
`force-exclude` (and the pre-commit hook that turns it on), symlinks out of the tree, and configuration
discovery that stops at the repository root or home."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli

STATEMENTS = (
    "\n## Equal opportunity\n\nWe are an equal opportunity employer. Candidates must be authorized to work "
    "in the United States; we do not sponsor visas.\n"
)
JOB = "# Account Executive\n\nWe need a rockstar salesman to grow our book.\n" + STATEMENTS
GUIDE = "# Data Engineer\n\n## Requirements\n\n- Python\n- SQL\n\n## What you will do\n\n- Build pipelines.\n"
CONFIG = """\
exclude: ["archive/**", "README.md"]
per-path-ignores:
  "drafts/**": [exclusionary-jargon]
per-path-kind:
  "docs/**": not-a-posting
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A postings repository: `.git`, a configuration at its top, and one file for each glob."""
    top = tmp_path / "repo"
    for folder in (".git", "archive", "drafts", "docs", "postings"):
        (top / folder).mkdir(parents=True)
    (top / ".jdlint.yaml").write_text(CONFIG, encoding="utf-8")
    (top / "README.md").write_text("# Our postings\n\nWe need a rockstar reviewer for these.\n", encoding="utf-8")
    for name in ("archive/old.md", "drafts/next.md", "postings/ae.md"):
        (top / name).write_text(JOB, encoding="utf-8")
    (top / "docs" / "guide.md").write_text(GUIDE, encoding="utf-8")
    return top


def check(*args: str, cwd: Path, input: str | None = None) -> tuple[int, dict[str, dict]]:
    """Exit code and, per file (by name below the repository), its rules and its profile's kind."""
    proc = run_cli("check", "--format", "json", "--no-cache", "--fail-on", "never", *args, cwd=cwd, input=input)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    out: dict[str, dict] = {}
    for f in data["files"]:
        out[_name(f["path"])] = {"rules": set(), "kind": (f.get("profile") or {}).get("kind")}
    for f in data["findings"]:
        out[_name(f["path"])]["rules"].add(f["rule"])
    return proc.returncode, out


def _name(path: str) -> str:
    """`archive/old.md` from `./archive/old.md`, `/tmp/…/repo/archive/old.md` or `../archive/old.md`."""
    parts = Path(path).parts
    return "/".join(parts[-2:]) if len(parts) > 1 and parts[-2] != ".." else parts[-1]


def typed(repo: Path, how: str, name: str) -> tuple[str, Path]:
    """`name` (below the repository) as a user types it `how`, and the folder jdlint runs in."""
    if how == "dot-slash":
        return f"./{name}", repo
    if how == "absolute":
        return str(repo / name), repo / "postings"
    return f"../{name}", repo / "postings"  # from a subfolder


HOW = ["dot-slash", "absolute", "subfolder"]


@pytest.mark.parametrize("how", HOW)
def test_globs_match_relative_to_the_config_file_however_the_path_is_typed(repo, how):
    names = ["drafts/next.md", "docs/guide.md", "postings/ae.md", "archive/old.md"]
    paths = [typed(repo, how, n)[0] for n in names]
    cwd = typed(repo, how, names[0])[1]
    _, files = check(*paths, cwd=cwd)
    assert "exclusionary-jargon" not in files["drafts/next.md"]["rules"]  # per-path-ignores
    assert "gendered-term" in files["drafts/next.md"]["rules"]
    assert "exclusionary-jargon" in files["postings/ae.md"]["rules"]
    assert files["docs/guide.md"]["kind"] == "not-a-posting"  # per-path-kind
    assert files["postings/ae.md"]["kind"] == "posting"
    assert "archive/old.md" in files  # named on the command line: linted without force-exclude
    _, files = check("--force-exclude", *paths, cwd=cwd)
    assert sorted(files) == ["docs/guide.md", "drafts/next.md", "postings/ae.md"]


@pytest.mark.parametrize("how", HOW)
def test_exclude_prunes_a_walk_started_anywhere(repo, how):
    path, cwd = typed(repo, how, "")
    path = path.rstrip("/") or "."
    _, files = check(path if how != "dot-slash" else ".", cwd=cwd)
    assert sorted(files) == ["docs/guide.md", "drafts/next.md", "postings/ae.md"]
    if how == "subfolder":  # inside the excluded folder itself: nothing to lint
        assert check(".", cwd=cwd.parent / "archive") == (0, {})


@pytest.mark.parametrize("how", HOW)
def test_stdin_filename_is_matched_like_a_path(repo, how):
    name, cwd = typed(repo, how, "drafts/new.md")
    _, files = check("--stdin-filename", name, "-", cwd=cwd, input=JOB)
    assert files["drafts/new.md"]["rules"] >= {"gendered-term"}
    assert "exclusionary-jargon" not in files["drafts/new.md"]["rules"]
    name, cwd = typed(repo, how, "archive/new.md")
    code, files = check("--force-exclude", "--stdin-filename", name, "-", cwd=cwd, input=JOB)
    assert (code, files) == (0, {})
    _, files = check("--stdin-filename", name, "-", cwd=cwd, input=JOB)  # without force-exclude: linted
    assert "exclusionary-jargon" in files["archive/new.md"]["rules"]


def test_force_exclude_in_the_configuration_and_the_flag_that_overrides_it(repo):
    (repo / ".jdlint.yaml").write_text(CONFIG + "force-exclude: true\n", encoding="utf-8")
    _, files = check("README.md", "archive/old.md", "postings/ae.md", cwd=repo)
    assert sorted(files) == ["postings/ae.md"]
    _, files = check("--no-force-exclude", "README.md", "postings/ae.md", cwd=repo)
    assert sorted(files) == ["README.md", "postings/ae.md"]
    (repo / ".jdlint.yaml").write_text("force-exclude: sometimes\n", encoding="utf-8")
    proc = run_cli("check", "README.md", cwd=repo)
    assert proc.returncode == 2 and "force-exclude" in proc.stderr and "true or false" in proc.stderr


def test_force_exclude_covers_a_named_folder_but_never_the_configurations_own(repo):
    (repo / ".jdlint.yaml").write_text('exclude: ["drafts", "**/old.md"]\nforce-exclude: true\n', encoding="utf-8")
    _, files = check("drafts", "archive", ".", cwd=repo)
    assert sorted(files) == ["README.md", "docs/guide.md", "postings/ae.md"]


def test_the_pre_commit_hook_keeps_excluded_files_out(repo):
    """pre-commit runs the hook's entry and args with each staged file's name: README.md must pass."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert "--force-exclude" in hook["args"]
    command = shlex.split(hook["entry"])[1:] + hook["args"]
    proc = run_cli(*command, "README.md", cwd=repo)
    assert (proc.returncode, proc.stdout) == (0, "")
    proc = run_cli(*command, "README.md", "postings/ae.md", cwd=repo)
    assert proc.returncode == 1
    assert {line.split(":")[0] for line in proc.stdout.splitlines() if line.strip()} == {"postings/ae.md"}


# -- symlinks -----------------------------------------------------------------------------------------


@pytest.fixture
def linked(repo: Path, tmp_path: Path) -> Path:
    """The repository with symlinks in `postings/`: to a file and a folder outside it, one inside, a loop."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text("# Private\n\nWe want a salesman, a ninja and a rockstar.\n", encoding="utf-8")
    os.symlink(elsewhere / "secret.md", repo / "postings" / "outside.md")
    os.symlink(elsewhere, repo / "postings" / "outside-folder")
    os.symlink("ae.md", repo / "postings" / "inside.md")
    os.symlink("../docs", repo / "postings" / "docs-again")
    os.symlink(".", repo / "postings" / "loop")
    return repo


def _report(*args: str, cwd: Path) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_symlinks_out_of_the_repository_are_reported_and_not_read(linked):
    code, data = _report("postings", cwd=linked)
    by_path: dict[str, list[dict]] = {}
    for f in data["findings"]:
        by_path.setdefault(f["path"], []).append(f)
    (out,) = by_path["postings/outside.md"]
    assert out["rule"] == "unreadable-file" and out["severity"] == "error"
    assert "symbolic link to a file outside the repository" in out["message"] and "not read" in out["message"]
    (folder,) = by_path["postings/outside-folder"]
    assert "symbolic link to a folder outside the repository" in folder["message"]
    assert "not followed" in folder["message"]
    assert not [p for p in by_path if "secret" in p]  # the folder's content was never listed
    assert not [f for f in data["findings"] if f["match"] in ("ninja", "rockstar") and "outside" in f["path"]]
    # symlinks inside the repository are followed, a loop is walked once, and the run does not hang
    assert {"postings/inside.md", "postings/docs-again/guide.md"} <= set(by_path) | {f["path"] for f in data["files"]}
    assert not [p for p in by_path if "loop/loop" in p]
    assert code == 1
    # named on the command line (as pre-commit does), the link is skipped all the same
    _, data = _report("postings/outside.md", cwd=linked)
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [("postings/outside.md", "unreadable-file")]


def test_fix_never_writes_through_a_symlink_out_of_the_repository(linked, tmp_path):
    secret = tmp_path / "elsewhere" / "secret.md"
    before = secret.read_bytes()
    inside = linked / "postings" / "ae.md"
    proc = run_cli("check", "--fix", "--no-cache", "--fail-on", "never", "postings", cwd=linked)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert secret.read_bytes() == before
    assert os.path.islink(linked / "postings" / "outside.md")
    assert "salesperson" in inside.read_text(encoding="utf-8")  # the files inside were fixed
    assert os.path.islink(linked / "postings" / "inside.md")
    proc = run_cli("check", "--diff", "postings/outside.md", cwd=linked)
    assert "secret" not in proc.stdout and "salesperson" not in proc.stdout


def test_without_a_repository_the_folder_linted_is_the_tree(tmp_path):
    (tmp_path / "outside.md").write_text(JOB, encoding="utf-8")
    tree = tmp_path / "postings"
    tree.mkdir()
    (tree / "own.md").write_text(JOB, encoding="utf-8")
    os.symlink(tmp_path / "outside.md", tree / "link.md")
    _, data = _report(".", cwd=tree)
    rules = {(f["path"], f["rule"]) for f in data["findings"]}
    assert ("link.md", "unreadable-file") in rules and ("own.md", "gendered-term") in rules
    assert not {r for p, r in rules if p == "link.md"} - {"unreadable-file"}


# -- configuration discovery ------------------------------------------------------------------------


def test_a_configuration_above_the_repository_root_is_ignored(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text('exclude: ["**"]\nignore: [bias]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "postings").mkdir()
    (repo / "postings" / "ae.md").write_text(JOB, encoding="utf-8")
    _, files = check(".", cwd=repo / "postings")
    assert files["ae.md"]["rules"] >= {"exclusionary-jargon", "gendered-term"}
    (repo / ".jdlint.yaml").write_text("ignore: [gendered-term]\n", encoding="utf-8")  # the repository's own
    _, files = check(".", cwd=repo / "postings")
    assert "gendered-term" not in files["ae.md"]["rules"] and "exclusionary-jargon" in files["ae.md"]["rules"]


def test_a_configuration_above_home_is_ignored(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("ignore: [bias]\n", encoding="utf-8")
    home = tmp_path / "home"
    (home / "jobs").mkdir(parents=True)
    (home / "jobs" / "ae.md").write_text(JOB, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--no-cache", "ae.md", cwd=home / "jobs", env={"HOME": str(home)})
    assert "gendered-term" in {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    (home / ".jdlint.yaml").write_text("ignore: [bias]\n", encoding="utf-8")  # home itself is still read
    proc = run_cli("check", "--format", "json", "--no-cache", "ae.md", cwd=home / "jobs", env={"HOME": str(home)})
    assert not {f["category"] for f in json.loads(proc.stdout)["findings"]} & {"bias"}


# -- the language server ----------------------------------------------------------------------------


@pytest.fixture
def editor(repo):
    """A language server started outside the repository, as an editor with absolute file URIs drives it."""
    from test_lsp import Client

    c = Client(repo.parent)
    c.request("initialize", {"processId": os.getpid(), "rootUri": repo.as_uri(), "capabilities": {}})
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()


def test_the_language_server_matches_globs_relative_to_the_config_file(editor, repo):
    from test_lsp import open_doc

    def codes(name: str, text: str) -> set[str]:
        uri = open_doc(editor, repo / name, text)
        return {d["code"] for d in editor.diagnostics(uri, 1)["diagnostics"]}

    drafts = codes("drafts/next.md", JOB)
    assert "gendered-term" in drafts and "exclusionary-jargon" not in drafts  # per-path-ignores
    assert not codes("docs/guide.md", GUIDE) & {"visa-statement", "eeo-statement"}  # per-path-kind
    assert codes("archive/old.md", JOB) == set()  # exclude: no diagnostics at all
    assert codes("README.md", "# Our postings\n\nWe need a rockstar reviewer.\n") == set()
    assert "exclusionary-jargon" in codes("postings/ae.md", JOB)
    assert editor.close() == 0


def test_the_language_server_clears_a_file_once_it_is_excluded(editor, repo):
    from test_lsp import open_doc

    uri = open_doc(editor, repo / "postings" / "ae.md", JOB)
    assert editor.diagnostics(uri, 1)["diagnostics"]
    (repo / ".jdlint.yaml").write_text(CONFIG.replace('"README.md"', '"postings/**"'), encoding="utf-8")
    editor.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert editor.diagnostics(uri)["diagnostics"] == []
    assert editor.close() == 0
