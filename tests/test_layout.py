"""The package's layout holds: imports point one way, no module imports itself in a circle.

faces (cli, lsp, report) → run → engine → checks → facts → match → parse →
config/data → model. A module may import from its own layer or any layer
below it, never above; within a layer the imports form no cycle. Imports
inside functions and under `TYPE_CHECKING` count: a lazy import is still a
dependency. `model` imports nothing else of jdlint.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jdlint"

# module prefix -> layer rank (higher may import lower); the longest prefix wins
LAYERS = {
    "jdlint": 9,  # the package root re-exports the API lazily
    "jdlint.__main__": 9,
    "jdlint.cli": 9,
    "jdlint.lsp": 9,
    "jdlint.server": 9,  # the warm server and the CLI's client of it: a face beside cli and lsp
    "jdlint.report": 9,
    "jdlint.run": 8,
    "jdlint.engine": 7,
    "jdlint.checks": 6,
    "jdlint.facts": 5,
    "jdlint.match": 4,
    "jdlint.parse": 3,
    "jdlint.config": 2,
    "jdlint.data": 2,
    "jdlint.hookspecs": 1,  # the plugin contract: pluggy markers and hook signatures
    "jdlint.version": 1,
    "jdlint.finding": 1,  # old import paths, re-exports of jdlint.model
    "jdlint.rule": 1,
    "jdlint.model": 0,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """Every jdlint module `module` imports, at any depth of its code."""
    out: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("jdlint"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if not base.startswith("jdlint"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in known else base)
    out.discard(module)
    return {m for m in out if m in known}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {m: _imports(m, p, known) for m, p in mods.items()}


def test_every_module_has_a_layer(graph):
    for module in graph:
        assert any(module == p or module.startswith(p + ".") for p in LAYERS), module


def test_imports_point_down(graph):
    upward = [
        f"{m} (layer {_layer(m)}) imports {d} (layer {_layer(d)})"
        for m, deps in sorted(graph.items())
        for d in sorted(deps)
        if _layer(d) > _layer(m) and m != "jdlint"
    ]
    assert upward == []


def test_model_imports_nothing_else_of_jdlint(graph):
    outside = [f"{m} imports {d}" for m, deps in graph.items() if m.startswith("jdlint.model") for d in deps]
    assert [o for o in outside if not o.split(" imports ")[1].startswith("jdlint.model")] == []


def test_no_import_cycles(graph):
    # Tarjan's strongly connected components over the module graph
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []


@pytest.mark.parametrize(
    "code",
    [
        "import jdlint; print(jdlint.__version__)",
        "from jdlint import Hit, Rule, Severity, hookimpl; print(Hit, Rule, Severity, hookimpl)",
        "from jdlint.finding import Finding, Hit, Severity; from jdlint.rule import Rule; print(Rule)",
        "import jdlint.hookspecs, jdlint.checks, jdlint.facts.context, jdlint.run.api; print('ok')",
        # `import jdlint` loads no pipeline (the root re-exports on first use), nor does the engine's recipe
        "import jdlint, sys; assert 'spacy' not in sys.modules and 'jdlint.engine.core' not in sys.modules",
        "import jdlint.engine.spec, sys; assert not {'jdlint.engine.core', 'pluggy'} & set(sys.modules)",
    ],
)
def test_public_import_paths_work_in_a_fresh_interpreter(code):
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_each_builtin_plugin_is_named_by_a_rule_id_it_declares():
    """checks/<family>/<rule_id>.py: the module's name is the id (with _ for -) of a rule it declares."""
    from jdlint.checks import BUILTIN_PLUGINS, FAMILIES
    from jdlint.run.engines import get_engine

    engine = get_engine()
    by_plugin: dict[str, set[str]] = {}
    for name, plugin in engine.pm.list_name_plugin():
        impls = getattr(plugin, "jdlint_rules", None)
        if name in BUILTIN_PLUGINS and impls is not None:
            by_plugin[name] = {r.id for r in impls()}
    for name in BUILTIN_PLUGINS:
        family, _, stem = name.removeprefix("jdlint.checks.").partition(".")
        if family not in FAMILIES:
            continue
        rule_id = stem.replace("_", "-")
        assert rule_id in engine.rules, f"{name}: no rule {rule_id!r}"
        assert engine.rules[rule_id].category == family, name


def test_each_rules_data_file_is_named_by_its_rule_id():
    """rules/<family>/<rule-id>[.<language>].yaml: a rule id of that family; rules/shared/ holds the facts' data."""
    from jdlint.checks import FAMILIES
    from jdlint.run.engines import get_engine

    engine = get_engine()
    for folder in sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir()):
        assert folder.name in (*FAMILIES, "shared"), folder
        if folder.name == "shared":
            continue
        for path in folder.glob("*.yaml"):
            rule_id, _, language = path.stem.partition(".")  # age-bias.de.yaml: the pack of age-bias in German
            assert rule_id in engine.rules, path
            assert engine.rules[rule_id].category == folder.name, path
            assert not language or language in engine.rules[rule_id].languages, path
    assert not list((ROOT / "rules").glob("*.yaml")), "data belongs in rules/<family>/ or rules/shared/"


def test_per_posting_state_lives_in_the_typed_store():
    """Facts about a posting are kept in `posting.facts` under typed keys, never in its `__dict__`."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts and "__dict__" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_a_fact_is_computed_once_per_posting():
    from jdlint.model.store import Store, StoreKey
    from jdlint.parse import parse_posting

    key: StoreKey[int] = StoreKey("calls")
    calls = []
    posting = parse_posting("# Engineer\n\nWe build things.\n", "job.md")
    assert isinstance(posting.facts, Store) and key not in posting.facts
    for _ in range(3):
        assert posting.facts.compute(key, lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1] and posting.facts[key] == 1
    assert parse_posting("# Engineer\n", "other.md").facts.get(key) is None  # one store per posting


def _rule_and_fact_modules() -> dict[str, Path]:
    """Modules under jdlint/checks/ (but the term-pack runner, jdlint/checks/terms/) and jdlint/facts/."""
    return {
        m: p
        for m, p in _modules().items()
        if (m.startswith("jdlint.checks") and not m.startswith("jdlint.checks.terms")) or m.startswith("jdlint.facts")
    }


def test_rules_and_facts_use_only_the_public_matching_api():
    """Rules and facts import `jdlint.match` itself, never its machinery, and make no lower-cased copies by hand."""
    modules = _rule_and_fact_modules()
    known = set(_modules())
    offenders: list[str] = []
    for module, path in sorted(modules.items()):
        offenders += [
            f"{module} imports {d}" for d in sorted(_imports(module, path, known)) if d.startswith("jdlint.match.")
        ]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name == "lowered":
                    offenders.append(f"{module}:{node.lineno} calls lowered(")
    assert offenders == []
