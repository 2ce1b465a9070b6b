"""How well jdlint tells postings from other pages, against a person's reading of the corpus.

    .venv/bin/python bench/kinds.py --corpus ../shared/corpus

Lints the corpus once (JSON), then compares each file's `profile.kind` with
docs/corpus-kinds.tsv (every file a person read and judged not a plain
posting; the rest are postings), and counts the disclosure findings left on
pages that are not postings. Prints a confusion table and the counts.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISCLOSURES = {"visa-statement", "eeo-statement", "pay-transparency", "aedt-notice"}
KINDS = ("posting", "not-a-posting", "template", "job-family")


def labels(corpus: Path) -> dict[str, str]:
    out = {}
    for line in (ROOT / "docs" / "corpus-kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "path\t")) or not line.strip():
            continue
        path, kind = line.split("\t")[:2]
        out[str((corpus.parent / path).resolve())] = kind
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "jdlint",
            "check",
            str(args.corpus),
            "--no-cache",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(proc.stdout)
    truth = labels(args.corpus)
    table: collections.Counter[tuple[str, str]] = collections.Counter()
    kind_of = {}
    for entry in report["files"]:
        path = str(Path(entry["path"]).resolve())
        got = entry.get("profile", {}).get("kind", "?")
        want = truth.get(path, "posting")
        table[(want, got)] += 1
        kind_of[path] = want
    print("person \\ jdlint  " + "  ".join(f"{k:>13}" for k in KINDS))
    for want in KINDS:
        print(f"{want:<15} " + "  ".join(f"{table[(want, got)]:>13}" for got in KINDS))
    left = collections.Counter()
    for f in report["findings"]:
        if f["rule"] in DISCLOSURES and kind_of.get(str(Path(f["path"]).resolve())) == "not-a-posting":
            left[f["rule"]] += 1
    print(f"disclosure findings on pages a person judged not a posting: {sum(left.values())} {dict(left)}")
    lost = table[("posting", "not-a-posting")] + table[("posting", "template")]
    print(f"postings set aside by mistake: {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
