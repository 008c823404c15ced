"""Words people never see: the design seeds are named in docstrings and comments only."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parent.parent / "src"


def _shown_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module except docstrings: what can reach a screen."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_string_the_app_can_show_mentions_seeds() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {text!r}"
        for folder in ("tui", "store", "cli")
        for path in sorted((SRC / folder).rglob("*.py"))
        for line, text in _shown_strings(path)
        if "seed" in text.lower()
    ]
    assert found == []
