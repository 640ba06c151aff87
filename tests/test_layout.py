"""The layer packages are this repository's, not the PyPI distributions of the same name."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "package", ["crossflow", "core", "models", "schema", "resolvers", "workers", "admin_ui"]
)
def test_layer_packages_resolve_inside_this_repository(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().is_relative_to(REPOSITORY), module.__file__
