"""`--fix` and `--diff`: only unambiguous fixes, in the original's case, written safely."""

import codecs
import os
import stat

import pytest
from conftest import ROOT, run_cli

import jdlint
from jdlint.config import load_file
from jdlint.run.fix import FixError, fix_file, match_case

PACK = ROOT / "tests" / "packs" / "fixable.yaml"


@pytest.fixture
def repo(tmp_path):
    """A directory whose configuration adds the test pack with `fix:` terms."""
    (tmp_path / ".jdlint.yaml").write_text(f"rule-packs: [{PACK.as_posix()}]\n", encoding="utf-8")
    return tmp_path


def fix(repo, *args, name="job.md"):
    return run_cli("check", "--fix", "--select", "test-fixable-terms", *args, name, cwd=repo)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Our salesman visits clients.", "Our salesperson visits clients."),
        ("Salesman wanted for the east region.", "Salesperson wanted for the east region."),
        ("JOB TITLE: SALESMAN", "JOB TITLE: SALESPERSON"),
        ("Two salesmen and one manager.", "Two salespeople and one manager."),
        ("Manpower planning is part of the role.", "Workforce planning is part of the role."),
        ("We lack manpower; you add it.", "We lack workforce; you add it."),
        ("The 😀 salesman, the salesman.", "The 😀 salesperson, the salesperson."),
    ],
)
def test_fixes_keep_the_originals_case(repo, before, after):
    _fix_line(repo, before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("We need a rockstar closer.", "We need an expert closer."),
        ("A rockstar attitude helps.", "An expert attitude helps."),
        ("- A Rockstar on day one", "- An Expert on day one"),
        ("WE NEED A ROCKSTAR", "WE NEED AN EXPERT"),
        ("Hire an ninja today.", "Hire a specialist today."),
        ("We need a guru for finance.", "We need an MBA graduate for finance."),
        ("We need an wizard for research.", "We need a university graduate for research."),
        ("Looking for a superhero to join.", "Looking for an hourly associate to join."),
        ("Is an expert rockstar enough?", "Is an expert expert enough?"),  # the article is not next to it
        ("Our Plan A rockstar", "Our Plan A expert"),  # a label, not an article
        ("A banana rockstar", "A banana expert"),
    ],
)
def test_fixes_keep_a_and_an_right(repo, before, after):
    _fix_line(repo, before, after)


def _fix_line(repo, before, after):
    path = repo / "job.md"
    path.write_text(f"# Sales\n\n{before}\n", encoding="utf-8")
    proc = fix(repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == f"# Sales\n\n{after}\n"
    assert "fixed" in proc.stderr


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("salesman", "salesperson", "salesperson"),
        ("Salesman", "salesperson", "Salesperson"),
        ("SALESMAN", "salesperson", "SALESPERSON"),
        ("SalesMan", "salesperson", "Salesperson"),
        ("A", "workforce", "Workforce"),
    ],
)
def test_match_case_table(original, replacement, expected):
    assert match_case(original, replacement) == expected


def test_ambiguous_terms_are_reported_not_fixed(repo):
    path = repo / "job.md"
    text = "# Board\n\nThe chairman reports to the board.\n"
    path.write_text(text, encoding="utf-8")
    proc = fix(repo)
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == text
    assert "“chairman” is gendered" in proc.stdout


def test_nothing_fixable_leaves_the_file_untouched(repo):
    path = repo / "job.md"
    raw = b"# Engineer\r\n\r\nWe need an experienced developer.   \r\n"
    path.write_bytes(raw)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    proc = fix(repo)
    assert proc.returncode == 0
    assert path.read_bytes() == raw
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_diff_shows_the_fix_and_changes_nothing(repo):
    path = repo / "job.md"
    raw = "# Sales\n\nOur salesman visits clients.\nThe chairman approves.\n"
    path.write_text(raw, encoding="utf-8")
    proc = run_cli("check", "--diff", "--select", "test-fixable-terms", "job.md", cwd=repo)
    assert proc.returncode == 1
    assert proc.stdout == (
        "--- a/job.md\n+++ b/job.md\n@@ -1,4 +1,4 @@\n # Sales\n \n"
        "-Our salesman visits clients.\n+Our salesperson visits clients.\n The chairman approves.\n"
    )
    assert path.read_text(encoding="utf-8") == raw


def test_diff_of_a_clean_file_is_empty(repo):
    (repo / "job.md").write_text("# Sales\n\nOur salesperson visits clients.\n", encoding="utf-8")
    proc = run_cli("check", "--diff", "--select", "test-fixable-terms", "job.md", cwd=repo)
    assert proc.returncode == 0
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", codecs.BOM_UTF8, "\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\r"),
    ],
)
def test_encoding_bom_and_line_endings_are_kept(repo, encoding, bom, newline):
    path = repo / "job.md"
    lines = ["# Sales", "", "Café team: one salesman 😀 needed.", "No newline at the end"]
    path.write_bytes(bom + newline.join(lines).encode(encoding))
    assert fix(repo).returncode == 0
    lines[2] = "Café team: one salesperson 😀 needed."
    assert path.read_bytes() == bom + newline.join(lines).encode(encoding)


def test_mixed_line_endings_are_kept_byte_for_byte(repo):
    path = repo / "job.md"
    path.write_bytes(b"# Sales\r\n\nLine with CRLF.\r\nA salesman here.\rLast line with manpower.\n")
    assert fix(repo).returncode == 0
    assert path.read_bytes() == b"# Sales\r\n\nLine with CRLF.\r\nA salesperson here.\rLast line with workforce.\n"


def test_mode_is_kept_and_no_temp_file_is_left(repo):
    path = repo / "job.md"
    path.write_text("# Sales\n\nOur salesman visits clients.\n", encoding="utf-8")
    path.chmod(0o640)
    assert fix(repo).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in repo.iterdir()) == [".jdlint.yaml", "job.md"]


def test_a_symlink_stays_a_symlink(repo):
    real = repo / "real.md"
    real.write_text("# Sales\n\nOur salesman visits clients.\n", encoding="utf-8")
    (repo / "link.md").symlink_to("real.md")
    assert fix(repo, name="link.md").returncode == 0
    assert (repo / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8") == "# Sales\n\nOur salesperson visits clients.\n"


def test_an_unwritable_file_is_an_error_for_that_file_only(repo):
    locked = repo / "locked.md"
    locked.write_text("# Sales\n\nOur salesman visits clients.\n", encoding="utf-8")
    locked.chmod(0o444)
    other = repo / "other.md"
    other.write_text("# Sales\n\nMore manpower.\n", encoding="utf-8")
    proc = run_cli("check", "--fix", "--select", "test-fixable-terms", "locked.md", "other.md", cwd=repo)
    assert proc.returncode == 2
    assert "jdlint: error: locked.md: it is read-only; not fixed" in proc.stderr
    assert locked.read_text(encoding="utf-8") == "# Sales\n\nOur salesman visits clients.\n"
    assert other.read_text(encoding="utf-8") == "# Sales\n\nMore workforce.\n"
    assert "locked.md:3:5" in proc.stdout  # its finding is still reported


def test_a_file_changed_since_it_was_linted_is_not_written(repo):
    path = repo / "job.md"
    path.write_text("# Sales\n\nOur salesman visits clients.\n", encoding="utf-8")
    report = jdlint.lint_paths([str(path)], config=load_file(str(repo / ".jdlint.yaml")))
    (result,) = report.files
    assert any(f.fix for f in result.findings)
    path.write_text("# Sales\n\nSomeone edited this. Our salesman visits clients.\n", encoding="utf-8")
    with pytest.raises(FixError, match="changed on disk"):
        fix_file(result, write=True)
    assert path.read_text(encoding="utf-8") == "# Sales\n\nSomeone edited this. Our salesman visits clients.\n"


def test_stdin_can_be_diffed_but_not_fixed(repo):
    text = "# Sales\n\nOur salesman visits clients.\n"
    proc = run_cli("check", "--diff", "--select", "test-fixable-terms", "-", input=text, cwd=repo)
    assert proc.returncode == 1
    assert "+Our salesperson visits clients.\n" in proc.stdout
    proc = run_cli("check", "--fix", "-", input=text, cwd=repo)
    assert proc.returncode == 2
    assert "--fix cannot rewrite standard input" in proc.stderr


def test_bundled_fixes_are_idempotent(tmp_path):
    """The bundled gendered-term pack marks "salesman" and "manpower" fixable; a second --fix changes nothing."""
    path = tmp_path / "job.md"
    path.write_text("We are hiring a Salesman. Two salesmen left.\nWe need more manpower.\n", encoding="utf-8")
    first = run_cli("check", "--fix", "--no-cache", "--select", "gendered-term", "job.md", cwd=tmp_path)
    fixed = path.read_bytes()
    assert fixed == b"We are hiring a Salesperson. Two salespeople left.\nWe need more workforce.\n", first.stderr
    again = run_cli("check", "--fix", "--no-cache", "--select", "gendered-term", "job.md", cwd=tmp_path)
    assert again.returncode == 0 and path.read_bytes() == fixed
