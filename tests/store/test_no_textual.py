"""The store stays free of the UI: importing any of it never loads Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import store

MODULES = sorted(f"store.{info.name}" for info in pkgutil.iter_modules(store.__path__))


@pytest.mark.parametrize("module", MODULES)
def test_store_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or f"{module} imported textual"
