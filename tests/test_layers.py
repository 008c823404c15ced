"""The layers, read from the imports: cli and tui call store; store never calls up.

Harlequin's habit: a headless core that a test proves free of the UI.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
LINE_LIMIT = 420  # "about 400": a module past this wants splitting by responsibility
# The one place cli reaches into tui: launching the app.
CLI_MAY_IMPORT_FROM_TUI = {("cli.main", "tui.app")}


def modules() -> dict[str, Path]:
    """Every module under src, by dotted name."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, less `if TYPE_CHECKING:` blocks (annotations only, never run)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(name: str, path: Path, *, runtime_only: bool = False) -> Iterator[str]:
    """The modules a file imports, absolute, including imports inside functions."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    tree = ast.parse(path.read_text())
    nodes = _runtime_nodes(tree) if runtime_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module
            for alias in node.names:  # `from store import reviews` imports store.reviews
                yield f"{module}.{alias.name}"


def internal_imports(
    name: str, path: Path, known: dict[str, Path], *, runtime_only: bool = False
) -> set[str]:
    """The project modules a module imports."""
    return {
        target
        for target in imports_of(name, path, runtime_only=runtime_only)
        if target in known and target != name
    }


def test_store_never_imports_the_ui_or_cli() -> None:
    known = modules()
    offenders = [
        f"{name} imports {target}"
        for name, path in known.items()
        if name.startswith("store")
        for target in imports_of(name, path)
        if target.split(".")[0] in {"tui", "cli", "textual", "rich"}
    ]
    assert offenders == []


def test_tui_never_imports_cli_and_cli_only_launches_the_app() -> None:
    known = modules()
    offenders = []
    for name, path in known.items():
        top = name.split(".")[0]
        for target in internal_imports(name, path, known):
            other = target.split(".")[0]
            if top == "tui" and other == "cli":
                offenders.append(f"{name} imports {target}")
            if top == "cli" and other == "tui" and (name, target) not in CLI_MAY_IMPORT_FROM_TUI:
                offenders.append(f"{name} imports {target}")
    assert offenders == []


def test_no_import_cycles_inside_store() -> None:
    known = {name: path for name, path in modules().items() if name.startswith("store")}
    graph = {
        name: internal_imports(name, path, known, runtime_only=True) for name, path in known.items()
    }
    # A package's __init__ is imported on the way to its modules; not an edge of design.
    graph = {
        n: {t for t in targets if known[t].name != "__init__.py"} for n, targets in graph.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_module_is_over_about_400_lines() -> None:
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text().splitlines())) > LINE_LIMIT
    }
    assert long == {}


def test_importing_every_store_module_never_loads_textual() -> None:
    names = sorted(name for name in modules() if name.startswith("store"))
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        sys.exit(f'{name} loaded textual')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_import_needs_an_alias() -> None:
    aliased = [
        f"{name}: {alias.name} as {alias.asname}"
        for name, path in modules().items()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if alias.asname and alias.asname != alias.name  # `x as x` marks a re-export
    ]
    assert aliased == []
