"""The house rules of ``src/storyline``, read from the source (ast, nothing imported).

Every import counts, module-level or inside a function (a lazy import is still a
dependency). A *unit* is a sub-package (``run``) or a top-level module (``model``,
``api``); ``storyline`` itself is the root package, the public face over everything.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "storyline"
ROOT = "storyline"  # the root package (src/storyline/__init__.py)

BASE = {
    "model", "layer", "storyline_layer", "config", "errors", "budget", "jsonl", "disjoint",
    "lexicon", "version",
}  # fmt: skip
STAGES = {"ingest", "clean", "nlp", "dedup", "cluster", "link", "brief", "store"}
# what each layer may never import (base modules import only base modules); the root
# package counts as above everything (it imports the API, which imports every stage)
NEVER = {
    **{stage: {"run", "serve", "commands", "evaluate", "cli", "api", "entry", ROOT}
       for stage in STAGES},
    "run": {"serve", "commands", "evaluate", "cli", "api", "entry", ROOT},
    "api": {"serve", "commands", "evaluate", "cli"},
    "serve": {"commands", "evaluate", "cli"},
    "commands": {"cli"},
    "evaluate": {"cli"},
}  # fmt: skip

# Known exceptions, each one import (module path, imported unit) with its reason. Adding to
# this list needs the same care as the rule it bends.
ALLOWED = {
    # stage packages made callable (storyline.brief(...)): entry.py calls storyline.api
    # lazily, so brief/clean/cluster depend on the API layer above them (issue 13)
    ("brief/__init__.py", "entry"): "callable package (entry.py)",
    ("clean/__init__.py", "entry"): "callable package (entry.py)",
    ("cluster/__init__.py", "entry"): "callable package (entry.py)",
}


def units(src: Path = SRC) -> dict[str, Path]:
    """Sub-packages and top-level modules of storyline, by name."""
    found = {}
    for path in sorted(src.iterdir()):
        if path.is_dir() and (path / "__init__.py").exists():
            found[path.name] = path
        elif path.suffix == ".py" and path.name != "__init__.py":
            found[path.stem] = path
    return found


def _module_parts(path: Path, src: Path) -> tuple[list[str], bool]:
    parts = list(path.relative_to(src.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return parts, is_package


def imported_modules(path: Path, src: Path = SRC) -> list[tuple[list[str], int]]:
    """Dotted storyline names (as parts) one file imports, with line numbers; relative
    imports resolved; ``from storyline import x`` names ``storyline.x``."""
    parts, is_package = _module_parts(path, src)
    found: list[tuple[list[str], int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name.split("."), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = parts if is_package else parts[:-1]
                base = package[: len(package) - (node.level - 1)]
            else:
                base = []
            module = base + (node.module.split(".") if node.module else [])
            found += [(module + [alias.name], node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name[0] == ROOT]


def unit_of(name: list[str], known: dict[str, Path]) -> str:
    """The unit an imported name lives in: ``storyline.run.x`` → run; a name the root
    package defines (``storyline.__version__``) → the root."""
    return name[1] if len(name) > 1 and name[1] in known else ROOT


def import_edges(src: Path = SRC) -> dict[str, dict[str, list[str]]]:
    """{unit: {imported unit: ["file:line", ...]}} over every module under ``src``."""
    known = units(src)
    edges: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src).as_posix()
        parts, _ = _module_parts(path, src)
        unit = parts[1] if len(parts) > 1 else ROOT
        for name, line in imported_modules(path, src):
            target = unit_of(name, known)
            where = f"{rel}:{line}"
            if target == unit or (rel, target) in ALLOWED:
                continue
            if where not in edges[unit][target]:
                edges[unit][target].append(where)
    return edges


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (as a path that returns to its start), or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def layering_violations(edges: dict[str, dict[str, list[str]]]) -> list[str]:
    out = []
    for unit, targets in sorted(edges.items()):
        for target, where in sorted(targets.items()):
            if unit in BASE and target not in BASE:
                out.append(f"base module {unit} imports {target} ({', '.join(where)})")
            elif target in NEVER.get(unit, ()):
                out.append(f"{unit} imports {target} ({', '.join(where)})")
    return out


def test_no_import_cycle_between_units() -> None:
    edges = import_edges()
    cycle = find_cycle({unit: set(targets) for unit, targets in edges.items()})
    if cycle:
        hops = [
            f"{a} -> {b} ({', '.join(edges[a][b])})" for a, b in zip(cycle, cycle[1:], strict=False)
        ]
        pytest.fail("import cycle: " + " -> ".join(cycle) + "\n  " + "\n  ".join(hops))


def test_layering() -> None:
    assert layering_violations(import_edges()) == []


def test_allowed_exceptions_are_still_needed() -> None:
    """An exception whose import is gone is removed from ALLOWED, so it cannot hide a new one."""
    known = units()
    stale = []
    for rel, target in ALLOWED:
        path = SRC / rel
        if not path.exists() or not any(
            unit_of(name, known) == target for name, _ in imported_modules(path)
        ):
            stale.append((rel, target))
    assert stale == []


def test_every_unit_has_a_layer() -> None:
    """A new sub-package or top-level module is placed in a layer (here) when it is added."""
    placed = BASE | STAGES | {"run", "evaluate", "commands", "serve", "api", "entry", "cli"}
    assert set(units()) - placed == set()


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A copy of the source where a stage imports the orchestration, lazily: both the
    layering and the cycle check catch it."""
    src = tmp_path / "storyline"
    shutil.copytree(SRC, src, ignore=shutil.ignore_patterns("__pycache__", "*.j2", "static"))
    stage = src / "dedup" / "near.py"
    stage.write_text(
        stage.read_text(encoding="utf-8") + "\n\ndef _f():\n    from ..run import stages\n",
        encoding="utf-8",
    )
    edges = import_edges(src)
    assert [v for v in layering_violations(edges) if v.startswith("dedup imports run")] == [
        "dedup imports run (dedup/near.py:" + str(stage.read_text().count("\n")) + ")"
    ]
    cycle = find_cycle({unit: set(targets) for unit, targets in edges.items()})
    assert cycle is not None and "dedup" in cycle and "run" in cycle
    assert find_cycle({"run": {"cluster"}, "cluster": {"model"}}) is None


def readme_layout() -> set[str]:
    """Names the README's ``## Layout`` tree lists under ``src/storyline/``."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout", 1)[1].split("\n## ", 1)[0]
    tree = section.split("```", 2)[1]
    lines = tree.split("src/storyline/\n", 1)[1].splitlines()
    names = set()
    for line in lines:
        if not line.startswith("  "):  # back at the top level: tests/, bench/
            break
        if m := re.match(r"  (\w+)(/|\.py)\s", line + " "):
            names.add(m.group(1))
    return names


def test_readme_layout_lists_every_unit() -> None:
    listed = readme_layout()
    actual = set(units())
    assert {"missing from README": actual - listed, "not in src": listed - actual} == {
        "missing from README": set(),
        "not in src": set(),
    }
