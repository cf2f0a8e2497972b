"""No import cycle among StudyPlanner's modules (issue 22), imports inside functions included.

A cycle hidden in a function-level import still ties two modules together: neither can be
understood, tested or moved without the other, and the order they load in decides whether the
app starts. Read from the source (``ast``), so nothing is imported to check it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "studyplanner"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and (node.test.id == "TYPE_CHECKING")
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except what is under ``if TYPE_CHECKING:`` (its ``else`` runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _type_checking_only(node):
            assert isinstance(node, ast.If)
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _imported(tree: ast.AST, name: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """The StudyPlanner modules an import in ``tree`` names, wherever the import is (in a
    function too); imports for the type checker only (``if TYPE_CHECKING:``) never run, so
    they make no cycle."""
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports the module; `from module import name`, the module
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import a.b.c` where c is a name
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {
        name: set(
            _imported(ast.parse(path.read_text("utf-8")), name, path.name == "__init__.py", known)
        )
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_module_imports_itself_back_through_others() -> None:
    assert _cycles(import_graph()) == []


def test_the_check_finds_a_cycle_made_by_a_lazy_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    tree = ast.parse("def f():\n    from studyplanner.x import y\n")
    assert list(_imported(tree, "studyplanner.z", False, {"studyplanner.x"})) == ["studyplanner.x"]


def test_an_import_for_the_type_checker_alone_is_not_an_edge() -> None:
    known = {"studyplanner.x", "studyplanner.w"}
    tree = ast.parse(
        "if TYPE_CHECKING:\n    from studyplanner.x import y\nelse:\n    import studyplanner.w\n"
    )
    assert list(_imported(tree, "studyplanner.z", False, known)) == ["studyplanner.w"]


def test_the_graph_sees_every_module() -> None:
    graph = import_graph()
    assert "studyplanner.cli.commands" in graph["studyplanner.cli"]  # a lazy import, seen
    assert len(graph) >= 50
