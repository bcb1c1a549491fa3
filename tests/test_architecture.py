"""The layout docs/architecture.md draws, kept true: stages import only what comes
before them, the core never imports a renderer or the command line, no module
reaches into another's private names, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "reconcile"
EDGE = {"reconcile.cli", "reconcile.cli.app", "reconcile.cli.run", "reconcile.cli.commands", "reconcile.batch",
        "reconcile.__main__"}  # the command line and what only it runs
FRONT = {"reconcile", "reconcile.render"}  # lazy front doors: names imported on first use


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import in a module, lazy ones too."""
    found = []
    for node in ast.walk(ast.parse(MODULES[name].read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reconcile"):
            names = [a.name for a in node.names]
            modules = [f"{node.module}.{n}" for n in names if f"{node.module}.{n}" in MODULES]
            found.append((node.module, [n for n in names if f"{node.module}.{n}" not in MODULES]))
            found.extend((m, []) for m in modules)
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names if a.name.startswith("reconcile"))
    return found


def test_the_core_never_imports_a_renderer_or_the_command_line() -> None:
    core = [m for m in MODULES if m not in EDGE and not m.startswith("reconcile.render")]
    reaching = sorted(
        (m, target) for m in core for target, _ in _imports(m)
        if target.startswith("reconcile.render") or target in EDGE
    )
    assert reaching == []


def test_no_module_takes_another_modules_private_names() -> None:
    taken = sorted(
        (m, target, n) for m in MODULES for target, names in _imports(m) for n in names
        if n.startswith("_") and target != m
    )
    assert taken == []


def test_nothing_imports_in_a_circle() -> None:
    graph = {m: {t for t, _ in _imports(m) if t in MODULES and t != m and t not in FRONT} for m in MODULES}
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(m: str, path: list[str]) -> list[str] | None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                return path + [m, t]
            if t not in state and (cycle := visit(t, path + [m])):
                return cycle
        state[m] = 2
        return None

    cycles = [c for m in sorted(MODULES) if m not in state and (c := visit(m, []))]
    assert cycles == []


@pytest.mark.parametrize("name", sorted(m for m in MODULES if not m.startswith("reconcile.data")))
def test_each_module_reads_in_one_sitting(name: str) -> None:
    lines = len(MODULES[name].read_text("utf-8").splitlines())
    assert lines <= 450, f"{name}: {lines} lines"
