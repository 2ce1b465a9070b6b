"""The `jdlint` command: arguments, subcommands and exit codes. No rule logic.

Exit codes: 0 nothing at or above the failing severity, 1 findings at or
above it, 2 a usage, configuration or I/O error (one line on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jdlint.version import __version__

if TYPE_CHECKING:
    import datetime as dt

COMMANDS = ("check", "profile", "report", "rules", "explain", "laws", "init", "lsp", "server")
FORMATS = ("text", "concise", "json", "github", "sarif", "html")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")  # anything else first on the line is `check`'s

EPILOG = """\
examples:
  jdlint check postings/                   lint every .md/.markdown/.txt below postings/
  jdlint check --format json job.md        machine-readable findings
  echo "We need a rockstar" | jdlint check -
  jdlint rules                             list every rule
  jdlint explain pay-transparency          what a rule checks, why, and how to fix it
  jdlint laws --place Brooklyn             the laws jdlint applies there, their dates and citations
  jdlint profile job.md                    what jdlint takes a file to be: kind, places, laws, language
  jdlint report postings/ -o report.html   one HTML page for people: laws by place, pay, wording, every finding
  jdlint check --fix postings/             apply the safe fixes (--diff only shows them)
  jdlint check --write-baseline .jdlint-baseline.json postings/   record today's findings
  jdlint check --baseline .jdlint-baseline.json postings/         report only new ones

exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/I-O error
"""


class UsageError(Exception):
    """A problem with how jdlint was called; exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other usage error
        raise UsageError(f"{self.prog}: {message}")


@functools.cache  # built once per process: the warm server's children reuse the one its warm-up built
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jdlint",
        description="Lint job postings for biased wording, missing legal disclosures, "
        "unfinished sections and contradictory requirements.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"jdlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="lint files, directories or stdin (the default command)",
        description="Lint postings. Directories are searched for *.md, *.markdown and *.txt; `-` reads standard input.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - for stdin")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default, for people), concise (path:line:col, for editors), json, "
        "github (Actions annotations), sarif (code scanning), html (the `jdlint report` page)",
    )
    check.add_argument(
        "--select", action="append", metavar="RULE", help="only these rule ids or categories (repeat or comma-separate)"
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULE", help="skip these rule ids or categories (repeat or comma-separate)"
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: nearest .jdlint.yaml or pyproject.toml with [tool.jdlint])",
    )
    check.add_argument("--stdin-filename", metavar="NAME", help="path to report for stdin input")
    check.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="honour the configuration's `exclude` even for paths named on the command line and for "
        "--stdin-filename (default: the configuration's `force-exclude`, else off)",
    )
    check.add_argument("--as-of", metavar="YYYY-MM-DD", help="judge laws as of this date when a posting has none")
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        metavar="N",
        help="processes to lint with (default: every available core, when the input is large enough to gain)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the result cache (see README, Performance)"
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="findings only: no code frames, info lines, table or summary"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the count of findings per rule instead of the findings (text, concise, github: a table; "
        "json: an object, see README); not with sarif, which carries findings only",
    )
    check.add_argument(
        "--show-info",
        action="store_true",
        default=None,
        help="list info findings one by one in text, concise and github (default: one line per file; "
        "config `show-info: true`); json and sarif always list them",
    )
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes in place, then report what is left")
    fixing.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; change nothing")
    base = check.add_mutually_exclusive_group()
    base.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (report only new ones)")
    base.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    color = check.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    color.add_argument("--no-color", dest="color", action="store_false", help="never use colour")
    server = check.add_mutually_exclusive_group()
    server.add_argument(
        "--server",
        action="store_true",
        help="start a warm `jdlint server` if none runs, for the next runs (env JDLINT_SERVER=1; a running "
        "server is used without it)",
    )
    server.add_argument(
        "--no-server", action="store_true", help="run in this process even if a server runs (env JDLINT_NO_SERVER=1)"
    )

    profile = sub.add_parser(
        "profile",
        help="show what jdlint takes each file to be: kind, title, places, laws, language, date",
        description="Print each file's posting profile: whether it is a posting (and why), its title, the "
        "places the job is open to with the evidence for each and their jurisdictions, the pay-transparency "
        "laws in force there at the posting's date, its language and the employer's sector. Every rule "
        "reads this profile; override it with front matter (`location:`, `jdlint: {kind: not-a-posting}`) "
        "or the configuration's `per-path-kind`.",
    )
    profile.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    profile.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    profile.add_argument("--config", metavar="FILE", help="use this configuration instead of the nearest one")
    profile.add_argument("--as-of", metavar="YYYY-MM-DD", help="judge laws as of this date when a posting has none")

    _report_parser(sub)

    rules = sub.add_parser("rules", help="list every rule: id, category, default severity, summary")
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text table, json, or markdown (the catalog in docs/rules.md)",
    )
    rules.add_argument("--config", metavar="FILE", help="configuration file (to include its rule packs)")

    explain = sub.add_parser("explain", help="what a rule checks, why, its source and how to fix it")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")

    _laws_parser(sub)

    init = sub.add_parser("init", help="write a commented starter .jdlint.yaml")
    init.add_argument("path", nargs="?", default=".jdlint.yaml")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    sub.add_parser("lsp", help="run the language server on stdio (needs the `lsp` extra)")
    _server_parser(sub)
    return parser


def _server_parser(sub) -> None:
    server = sub.add_parser(
        "server",
        help="a warm jdlint that `check` hands its runs to: start, stop, status, run",
        description="Keep spaCy, the plugins and the rule data loaded in a background process; every "
        "`jdlint check` then connects to it over a Unix socket and answers a small file in a fraction of "
        "the start-up time, with output identical to a run of its own. See README, A warm server.",
    )
    server.add_argument("action", choices=("start", "stop", "status", "run"), help="run: in the foreground")
    server.add_argument(
        "--idle-timeout",
        type=float,
        metavar="SECONDS",
        help="exit after this long without a request (default: the configuration's server.idle-timeout, else 900)",
    )


LAWS_EPILOG = """\
statuses: in force | not yet (starts later) | not in force (enacted but not started, or ended) |
  proposed | unconfirmed (date not settled: never applied) | no posting duty (documented, never checked)

examples:
  jdlint laws                                   every law, status today
  jdlint laws --place Brooklyn                  New York City's and New York State's laws
  jdlint laws --place "Hartford, CT" --as-of 2027-10-01
  jdlint laws --in-force --format json          the laws in force today, for scripts
  jdlint laws --format markdown --as-of 2026-12-07 > docs/laws.md
"""


def _report_parser(sub) -> None:
    report = sub.add_parser(
        "report",
        help="write one self-contained HTML page for the postings (needs the `report` extra)",
        description="Lint the postings and write one HTML page for the people who own them: a summary, "
        "compliance by place, pay ranges side by side, how the wording leans, and every posting's findings "
        "in context. The file has nothing to fetch: it opens from disk or as a CI artifact, and prints.",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="report.html",
        help="where to write it (default: report.html; - for standard output)",
    )
    report.add_argument("--config", metavar="FILE", help="use this configuration instead of the nearest one")
    report.add_argument("--as-of", metavar="YYYY-MM-DD", help="judge laws as of this date when a posting has none")
    report.add_argument("--jobs", "-j", type=_positive_int, metavar="N", help="processes to lint with (as for check)")
    report.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")


def _laws_parser(sub) -> None:
    laws = sub.add_parser(
        "laws",
        help="the laws jdlint checks postings against: what each requires, from when, its status and citation",
        description="List every law in jdlint's data (pay transparency, AI in hiring, and any other rule's\n"
        "law table): the place it binds, the statute and citation, what a posting must carry, the\n"
        "dates it applies from and until, its status on a date, and the addresses of the sources\n"
        "the facts were read in. Facts for a linter, not legal advice.",
        epilog=LAWS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    laws.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date statuses are given for (default: today)")
    laws.add_argument(
        "--place",
        metavar="NAME",
        help="only the laws that hold there or inside it: a city, state, province, country or code "
        "('Brooklyn', 'Ontario', 'Vienna', 'US-CO', 'EU')",
    )
    laws.add_argument("--in-force", action="store_true", help="only the laws in force on the --as-of date")
    laws.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text (a table, default), json, or markdown (docs/laws.md)",
    )
    color = laws.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    color.add_argument("--no-color", dest="color", action="store_false", help="never use colour")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes (1 or more), got {value!r}")
    return number


def _err(line: str) -> None:
    """One diagnostic line on stderr, escaped: it may quote file names and configuration (`report.escape`)."""
    from jdlint.report.escape import stderr

    print(stderr(line), file=sys.stderr)


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def run() -> None:
    """The console script: the warm server's answer if one runs (`jdlint.server.client`), else `run_here`;
    then exit without the interpreter's teardown."""
    argv = sys.argv[1:]
    code = None
    if argv and (argv[0] == "check" or argv[0] not in (*COMMANDS, *TOP_LEVEL_OPTIONS)):
        try:
            from jdlint.server import client

            code = client.run(argv)
        except KeyboardInterrupt:  # before the server's child started: nothing was written
            _err("jdlint: interrupted")
            os._exit(130)
    if code is None:
        code = run_here(argv)
    os._exit(code)


def run_here(argv: list[str]) -> int:
    """`main` in this process, then what must happen before exiting without the interpreter's teardown.

    Freeing spaCy's and the rules' objects one by one at exit takes ~0.15 s,
    more than half of what jdlint adds to spaCy's own start-up. Nothing is
    lost: results and cache entries are written (and renamed into place)
    before `main` returns, and the output streams are flushed here. The
    process is jdlint's own, so its garbage collector is tuned (`gc_tuning`).
    """
    try:
        from jdlint.engine import interrupt
        from jdlint.run import gc_tuning

        interrupt.install()  # a plugin's KeyboardInterrupt is then told from the user's Ctrl-C
        gc_tuning.tune()
        code = main(argv)
    except KeyboardInterrupt:  # Ctrl-C before `main` could catch it: one line, not a traceback
        _err("jdlint: interrupted")
        code = 130
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    if "multiprocessing.util" in sys.modules:  # an interrupted pool's semaphores: unlink them, or the
        with contextlib.suppress(Exception):  # resource tracker warns about "leaked semaphore objects"
            sys.modules["multiprocessing.util"]._run_finalizers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe (`jdlint … | head`) has nothing left to flush
            stream.flush()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    from jdlint.engine import lazy_spacy_cli

    lazy_spacy_cli.install()  # jdlint's own process: `import spacy` skips spaCy's command line
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in TOP_LEVEL_OPTIONS:
        argv.insert(0, "check")  # `jdlint PATH`, `jdlint -q PATH`, `jdlint --format concise PATH`, `jdlint -`
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return 0
        return _dispatch(args)
    except UsageError as exc:
        _err(f"{exc}")
        return 2
    except KeyboardInterrupt:
        _err("jdlint: interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    from jdlint.config import ConfigError
    from jdlint.run.discover import PathError

    try:
        if args.command == "check":
            return _check(args)
        if args.command == "profile":
            return _profile(args)
        if args.command == "report":
            return _html_report(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "laws":
            return _laws(args)
        if args.command == "init":
            return _init(args)
        if args.command == "lsp":
            return _lsp()
        if args.command == "server":
            from jdlint.server import commands

            return commands.main(args.action, args.idle_timeout, run_here)
    except (ConfigError, PathError) as exc:
        _err(f"jdlint: error: {exc}")
        return 2
    return 2


def _engine(config_path: str | None, first: str | None):
    from jdlint import config as config_mod
    from jdlint.run.engines import get_engine

    return get_engine(config_mod.resolve(config_path, first))


def _check(args: argparse.Namespace) -> int:
    import os

    from jdlint import config as config_mod
    from jdlint.engine.spec import EngineSpec
    from jdlint.run.discover import PathError

    if args.format == "html":
        _require_report_extra()
    if args.no_cache:  # nor parsed YAML: bundled rules are read from their files (workers inherit this)
        os.environ["JDLINT_NO_YAML_CACHE"] = "1"
    if args.statistics and args.format == "sarif":
        raise UsageError(
            "jdlint check: --statistics prints counts per rule, and SARIF carries findings only; "
            "use --statistics with text, concise, json or github"
        )
    paths = args.paths or ["."]
    first = next((p for p in paths if p != "-"), None)
    config = config_mod.resolve(args.config, first or (args.stdin_filename or "."))
    if args.force_exclude is not None:
        config.force_exclude = args.force_exclude
    if args.format in ("json", "html"):
        config = _with_pay(config)
    # the engine is described, not built: a run answered wholly from the cache never loads it
    spec = EngineSpec(config).restricted(_split(args.select), _split(args.ignore))
    as_of = _as_of(args.as_of)
    stdin = None
    if "-" in paths:
        if args.fix:
            raise UsageError("jdlint check: --fix cannot rewrite standard input; use --diff to see the fixes")
        stdin = _stdin(args, config)
    # A missing path is an error (exit 2), but the paths that do exist are still linted and reported.
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    files = [p for p in paths if p != "-" and p not in missing]
    if missing and not files and stdin is None:
        raise PathError(f"{missing[0]}: no such file or directory")
    # File names need not be valid UTF-8; print them escaped rather than fail on them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    known = None
    if args.baseline:
        from jdlint.run import baseline

        known = baseline.load(args.baseline)
    from jdlint.run import progress

    if args.write_baseline:
        from jdlint.run import baseline

        found = progress.results(files, spec, as_of, stdin, jobs=args.jobs, cache=not args.no_cache)
        n = baseline.write(found, args.write_baseline)
        _err(f"jdlint: recorded {n} finding{'s' if n != 1 else ''} in {args.write_baseline}")
        return 0
    if args.fix or args.diff or args.format == "html":  # these need every result at once
        code = _collected(files, spec, as_of, stdin, args, known)
    else:
        found = progress.results(files, spec, as_of, stdin, args.jobs, not args.no_cache, streaming=True)
        code = _stream(found, args, spec, known)
    for p in missing:
        _err(f"jdlint: error: {p}: no such file or directory")
    _start_server(args, config)
    return 2 if missing else code


def _collected(files, spec, as_of, stdin, args: argparse.Namespace, known) -> int:
    """`--fix`, `--diff` and the HTML report: every result first, then fixes or the page."""
    from jdlint.run import progress

    result = progress.lint(files, spec, as_of, stdin, jobs=args.jobs, cache=not args.no_cache)
    if known is not None:
        from jdlint.run import baseline

        hidden = baseline.hide(result, known, args.baseline)
        if hidden and not args.quiet and args.format in ("text", "concise"):
            plural = "s" if hidden != 1 else ""
            _err(f"jdlint: {hidden} known finding{plural} hidden by {args.baseline}")
    if args.fix or args.diff:
        return _apply_fixes(result, args, spec, from_stdin=stdin is not None)
    return _report(result, args, spec)


def _start_server(args: argparse.Namespace, config) -> None:
    """`--server`, JDLINT_SERVER=1 or `server: {start: true}`: start one for the next runs if none answered this."""
    from jdlint.server import client

    if args.no_server or client.inside_server or os.environ.get("CI"):
        return  # in CI every job starts afresh: a server would only compete for its cores
    use, start = client.options([])  # the environment's say
    if use and (start or args.server or config.server.get("start")):
        client.spawn(config.server.get("idle-timeout", client.DEFAULT_IDLE))


def _stdin(args: argparse.Namespace, config) -> tuple[str, bytes] | None:
    """(name, bytes) of standard input; None when `force-exclude` and `exclude` cover --stdin-filename."""
    from jdlint.server import client

    data = sys.stdin.buffer.read()  # read even when dropped, so the writer never sees a broken pipe
    client.settle()  # served: a Ctrl-C the client had before this end of input stops the run here
    name = args.stdin_filename or "-"
    return None if config.force_exclude and args.stdin_filename and config.excludes(name) else (name, data)


def _stream(found, args: argparse.Namespace, spec, known) -> int:
    """Write the report as results arrive (discovery order), keeping counts only: memory flat in files."""
    from jdlint import report
    from jdlint.run import baseline
    from jdlint.run.engines import engine_for

    hide = baseline.Hider(known, args.baseline) if known is not None else None
    writer = None
    for fr in found:
        if writer is None:  # made at the first result: an error before it leaves standard output empty
            writer = _writer(report, args, spec, engine_for)
        writer.add(hide(fr) if hide is not None else fr)
        sys.stdout.flush()  # each file's lines as soon as they are known
    writer = writer or _writer(report, args, spec, engine_for)
    writer.close()
    sys.stdout.flush()
    if hide is not None and hide.hidden and not args.quiet and args.format in ("text", "concise"):
        _err(f"jdlint: {hide.hidden} known finding{'s' if hide.hidden != 1 else ''} hidden by {args.baseline}")
    return _exit_code(writer.tally, args.fail_on or spec.config.fail_on)


def _writer(report, args: argparse.Namespace, spec, engine_for):
    return report.writer(
        args.format,
        sys.stdout,
        color=args.color,
        statistics=args.statistics,
        quiet=args.quiet,
        show_info=spec.config.show_info if args.show_info is None else args.show_info,
        rules=engine_for(spec).rules if args.format == "sarif" else None,  # only SARIF carries the catalog
        as_of=_as_of(args.as_of) or spec.config.as_of,
        config=spec.config,
    )


def _report(result, args: argparse.Namespace, spec) -> int:
    from jdlint import report

    # only SARIF carries the rule catalog; building the engine for it costs no spaCy, but
    # the other formats skip it so a run answered from the cache stays cheap
    from jdlint.run.engines import engine_for

    rules = engine_for(spec).rules if args.format in ("sarif", "html") else None
    report.render(
        args.format,
        result,
        sys.stdout,
        color=args.color,
        statistics=args.statistics,
        quiet=args.quiet,
        show_info=spec.config.show_info if args.show_info is None else args.show_info,
        rules=rules,
        as_of=_as_of(args.as_of) or spec.config.as_of,
        config=spec.config,
    )
    sys.stdout.flush()
    return _exit_code(result, args.fail_on or spec.config.fail_on)


def _exit_code(result, fail_on: str) -> int:
    from jdlint.model.finding import Severity

    if fail_on == "never":
        return 0
    worst = result.worst()
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def _apply_fixes(result, args: argparse.Namespace, engine, from_stdin: bool) -> int:
    """--fix: write the safe fixes, then report what is left. --diff: print them, change nothing.

    A file that cannot be fixed is an error for that file only (exit 2 at the end).
    """
    from jdlint.run.fix import fix_report

    done = fix_report(result, write=args.fix, from_stdin=from_stdin)
    for path, reason in done.errors:
        _err(f"jdlint: error: {path}: {reason}")
    if args.diff:
        sys.stdout.write("".join(done.diffs))
        sys.stdout.flush()
        if not args.quiet:
            _err(f"jdlint: {done.describe()}; nothing written (use --fix to apply)")
        return 2 if done.errors else (1 if done.fixes else 0)
    if done.fixes and not args.quiet:
        _err(f"jdlint: fixed {done.describe()}")
    code = _report(result, args, engine)
    return 2 if done.errors else code


def _rules(args: argparse.Namespace) -> int:
    import json

    engine = _engine(args.config, None)
    rules = sorted(engine.rules.values(), key=lambda r: (r.category, r.id))
    if args.format == "json":
        json.dump(
            [
                {
                    "id": r.id,
                    "category": r.category,
                    "severity": str(r.severity),
                    "summary": r.summary,
                    "fixable": r.fixable,
                    "languages": list(r.languages),  # empty: every language
                }
                for r in rules
            ],
            sys.stdout,
            indent=2,
        )
        print()
        return 0
    if args.format == "markdown":
        from jdlint.model.rule import catalog_markdown

        sys.stdout.write(catalog_markdown(rules))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for col in ("id", "category", "default", "summary"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.id, r.category, str(r.severity), r.summary)
    Console(highlight=False).print(table)
    return 0


def _profile(args: argparse.Namespace) -> int:
    """Lint the files (one core: the same API as `check`) and print the profile each result carries."""
    from jdlint import config as config_mod
    from jdlint.report.profile_text import render_profiles
    from jdlint.run.api import lint_paths

    config = config_mod.resolve(args.config, args.paths[0])
    report = lint_paths(args.paths, config=config, as_of=_as_of(args.as_of), cache=True)
    render_profiles(report, sys.stdout, args.format)
    return 0


def _with_pay(config):
    """The configuration for a run whose output lists each file's pay figures (`files[].pay`)."""
    import dataclasses

    return dataclasses.replace(config, pay_figures=True)


def _require_report_extra() -> None:
    from jdlint.report.html import MissingExtra, require

    try:
        require()
    except MissingExtra as exc:
        raise UsageError(f"jdlint: error: {exc}") from None


def _html_report(args: argparse.Namespace) -> int:
    """`jdlint report`: lint as `check` does (cache, workers), then write the page."""
    from jdlint import config as config_mod
    from jdlint.engine.spec import EngineSpec
    from jdlint.report import html
    from jdlint.run import progress
    from jdlint.run.discover import PathError
    from jdlint.run.engines import engine_for

    _require_report_extra()
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        raise PathError(f"{missing[0]}: no such file or directory")
    config = _with_pay(config_mod.resolve(args.config, args.paths[0]))
    spec = EngineSpec(config)
    as_of = _as_of(args.as_of)
    result = progress.lint(args.paths, spec, as_of, None, jobs=args.jobs, cache=not args.no_cache)
    options = {"rules": engine_for(spec).rules, "as_of": as_of or config.as_of, "config": config}
    if args.output == "-":
        html.render(result, sys.stdout, **options)
        return 0
    tmp = f"{args.output}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        html.render(result, fh, **options)
    os.replace(tmp, args.output)
    counts = result.counts()
    print(f"jdlint: wrote {args.output} ({counts['files']} files, {counts['findings']} findings)", file=sys.stderr)
    return 0


def _as_of(value: str | None) -> dt.date | None:
    import datetime as dt

    from jdlint.config import ConfigError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--as-of: expected a date as YYYY-MM-DD, got {value!r}") from None


def _laws(args: argparse.Namespace) -> int:
    import datetime as dt

    from jdlint.facts.law_table import UnknownPlace
    from jdlint.report import laws

    as_of = _as_of(args.as_of) or dt.date.today()
    try:
        selection = laws.select(as_of, args.place, in_force=args.in_force)
    except UnknownPlace as exc:
        raise UsageError(f"jdlint laws: --place: {exc}") from None
    laws.render(selection, sys.stdout, args.format, color=args.color)
    return 0


def _explain(args: argparse.Namespace) -> int:
    engine = _engine(args.config, None)
    rule = engine.rules.get(args.rule)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule, list(engine.rules), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `jdlint rules`"
        _err(f"jdlint: error: unknown rule {args.rule!r}{hint}")
        return 2
    print(rule.explain_text())
    return 0


def _init(args: argparse.Namespace) -> int:
    import os

    from jdlint.config import STARTER

    if os.path.exists(args.path) and not args.force:
        _err(f"jdlint: error: {args.path} already exists (use --force to overwrite)")
        return 2
    with open(args.path, "w", encoding="utf-8") as fh:
        fh.write(STARTER)
    print(f"wrote {args.path}")
    return 0


def _lsp() -> int:
    try:
        from jdlint.lsp import serve
    except ImportError as exc:
        print(
            f"jdlint: error: the language server needs pygls ({exc}); install it with `pip install 'jdlint[lsp]'`",
            file=sys.stderr,
        )
        return 2
    return serve()


if __name__ == "__main__":
    raise SystemExit(main())
