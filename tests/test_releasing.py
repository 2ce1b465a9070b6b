"""docs/releasing.md's promises: the README names only tags a release has made, and the version is one number."""

from __future__ import annotations

import re

from conftest import ROOT

import jdlint

TAG = re.compile(r"(?:@|\brev:\s*)(v\d+\.\d+\.\d+)\b")


def released_versions() -> set[str]:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.M))


def test_the_readme_names_only_tags_that_a_release_made():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tags = set(TAG.findall(readme))
    unreleased = {tag for tag in tags if tag[1:] not in released_versions()}
    assert not unreleased, f"the README names {sorted(unreleased)}, which no release has tagged (docs/releasing.md)"
    # and it does pin the hook and the action, to a tag or to a commit
    assert re.search(r"^\s*rev: (?:v\d+\.\d+\.\d+|<commit-sha>)(?:\s|$)", readme, re.M)
    assert re.search(r"uses: jdlint/jdlint@(?:v\d+\.\d+\.\d+|<commit-sha>)\s", readme)


def test_the_tag_pattern_reads_both_pins():
    assert TAG.findall("rev: v1.2.3\n- uses: jdlint/jdlint@v0.4.0\nrev: <commit-sha>\n") == ["v1.2.3", "v0.4.0"]


def test_the_version_is_the_same_in_the_package_and_its_metadata():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is 3.11+; jdlint runs on 3.10
    assert re.findall(r'^version = "(.+)"$', pyproject, re.M) == [jdlint.__version__]
