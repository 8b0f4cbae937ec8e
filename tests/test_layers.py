"""The layers point one way: an app imports only from the apps below it, and no two modules import each other.

Every import in every module is read with `ast` (function-local imports included), so an upward import hidden
inside a function fails here just as one at the top of a file does. docs/architecture.md draws the same picture.
"""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Lowest first. An app may import from the apps before it in this list, never from one after it.
LAYERS = ["people", "records", "units", "portfolios", "assessment", "packs", "demo"]
# The project package wires the apps together (settings, URLs, the admin site) and may import any of them.
PROJECT = "config"


def _modules() -> dict[str, Path]:
    modules = {}
    for package in [*LAYERS, PROJECT]:
        for path in sorted((REPO / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules this module imports, resolved to the longest module name that exists."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _app(module: str) -> str:
    return module.split(".")[0]


def test_the_layer_list_names_every_app():
    apps = {path.parent.name for path in REPO.glob("*/apps.py")}
    assert apps == set(LAYERS), "Add the new app to LAYERS here and to docs/architecture.md."


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _app(m) in LAYERS))
def test_a_module_imports_only_its_own_app_and_the_layers_below(module):
    rank = LAYERS.index(_app(module))
    upward = sorted(
        target for target in GRAPH[module] if _app(target) == PROJECT or LAYERS.index(_app(target)) > rank
    )
    assert not upward, f"{module} imports from a layer above it: {upward}"


def test_no_two_modules_import_each_other_directly_or_round_a_circle():
    circles, done, path = [], set(), []

    def visit(module):
        if module in path:
            circles.append(path[path.index(module):] + [module])
            return
        if module in done:
            return
        path.append(module)
        for target in sorted(GRAPH.get(module, ())):
            # A package's __init__ re-exporting its own submodules is not a circle between modules.
            if not target.startswith(module + "."):
                visit(target)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)
    assert not circles, "Import circles: " + "; ".join(" → ".join(c) for c in circles)


def test_the_checker_sees_a_function_local_upward_import(tmp_path):
    source = "def f():\n    from assessment.models import Submission\n"
    path = tmp_path / "example.py"
    path.write_text(source)
    assert "assessment.models" in _imports("portfolios.example", path)
