"""The shape of the code, read from its source (docs/architecture.md): no import cycle, no
import hidden inside a function to dodge one, no module too long to read, and the
Requirement Form's fields declared once.

The import-linter contract in pyproject.toml checks which layer may import which; these
tests check what it does not: cycles inside a layer (a domain's modules importing each
other in a circle) and the imports written inside functions that such circles invite.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from pathlib import Path

from resolvers.requirements import form as standard_form
from resolvers.requirements.lifecycle import RequirementForm
from schema.requirements.inputs import CreateRequirementInput, UpdateRequirementInput
from schema.requirements.requirement import RequirementType
from schema.templates.scenarios import CreateRequirementFromTemplateInput

REPOSITORY = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "models", "resolvers", "schema", "admin_ui", "workers", "crossflow")
#: A module longer than this is split by concept (the models and migrations are tables).
MAX_LINES = 400
#: Imports inside a function that are start-up steps, not dodged cycles: importing the
#: actors declares them on the broker the process has just installed.
START_UP_IMPORTS = {
    ("crossflow/app.py", "workers"),
    ("crossflow/worker_boot.py", "workers"),
    ("crossflow/scheduler.py", "workers"),
    ("crossflow/background_cli.py", "workers"),
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPOSITORY / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(REPOSITORY).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement under ``node`` that runs, skipping ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _run_time_imports(other)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _run_time_imports(child)


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The project modules an import statement loads (the deepest that exists)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if MODULES[module].name != "__init__.py":
                package = package[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, base] if base else package)
        names = [f"{base}.{alias.name}" for alias in node.names] + [base]
    found = set()
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name and name != module:
            found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {
            target for node in _run_time_imports(tree) for target in _targets(module, node)
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
                continue
            if child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


def _without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Drop the edges into a package's ``__init__`` from its own submodules: a package that
    gathers its submodules (``schema/__init__.py`` builds the schema from them) is imported
    by them only as their parent, which Python initialises first."""
    return {
        module: {target for target in targets if not module.startswith(f"{target}.")}
        for module, targets in graph.items()
    }


def test_no_import_cycle_among_the_projects_modules() -> None:
    # given every run-time import of the project (those under TYPE_CHECKING are for types)
    graph = _without_package_inits(_graph())
    # then no modules import each other in a circle
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    # a check that cannot fail proves nothing: a made-up circle is found, a line is not
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_project_import_inside_a_function() -> None:
    # given every function of the project
    found = []
    for module, path in MODULES.items():
        relative = path.relative_to(REPOSITORY).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in _run_time_imports(function):
                for target in _targets(module, node):
                    if (relative, target) not in START_UP_IMPORTS:
                        found.append(f"{relative}:{node.lineno} {function.name}: {target}")
    # then none imports a project module: imports sit at the top, where cycles show
    assert sorted(set(found)) == []


def test_no_module_over_400_lines_outside_models_and_migrations() -> None:
    long = {
        path.relative_to(REPOSITORY).as_posix(): lines
        for path in MODULES.values()
        if "models" not in path.relative_to(REPOSITORY).parts[:1]
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _strawberry_fields(cls: type) -> list[str]:
    return [field.python_name for field in cls.__strawberry_definition__.fields]  # type: ignore[attr-defined]


def test_the_requirement_forms_fields_are_declared_once() -> None:
    # given the one declaration of the form's standard fields
    names = list(standard_form.NAMES)
    # then the use case's form, the Requirement type and the three inputs all carry them
    form_fields = [field.name for field in dataclasses.fields(RequirementForm)]
    assert form_fields[: len(names)] == names
    for cls in (
        RequirementType,
        CreateRequirementInput,
        UpdateRequirementInput,
        CreateRequirementFromTemplateInput,
    ):
        assert set(names) <= set(_strawberry_fields(cls)), cls.__name__
