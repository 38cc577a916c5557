"""Runs inside Pyodide (under Node.js): the modules the scorer needs, as ``.pyc``.

``prepare_stdlib.mjs`` boots Pyodide on the stock standard library, imports
every module of the scorer and every module its source names, and calls every
``*_json`` entry point of ``draaiboek_scoring.messages`` over the scoring
vectors (error paths included), driving it from JavaScript as the browser's
worker does. Then it runs this program, which reads ``sys.modules``: every
module that came from the standard library zip or from the scorer is
compiled here, by Pyodide's own Python, because a ``.pyc`` only loads in the
Python version that wrote it.

``collect(scorer_root)`` returns JSON text:
``{"files": {"json/decoder.pyc": "<base64>", ...}, "modules": [...], "python": "3.14.2"}``.
"""

import sys

# Before this program imports anything itself, so its own tools are not counted.
_LOADED = dict(sys.modules)

import ast  # noqa: E402
import base64  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import marshal  # noqa: E402

# Docstrings the scorer never reads; a tenth of the zip's bytes. Class docstrings
# stay: dataclasses computes a signature (with inspect) for a class without one.
_UNREAD_DOCSTRINGS = ("Module", "FunctionDef", "AsyncFunctionDef")


def _without_docstrings(source: bytes, filename: str) -> ast.Module:
    """The module's syntax tree, minus the docstrings of the module and its functions."""
    tree = ast.parse(source, filename)
    kinds = tuple(getattr(ast, kind) for kind in _UNREAD_DOCSTRINGS)
    for node in ast.walk(tree):
        if not isinstance(node, kinds):
            continue
        body = node.body
        first = body[0] if body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            node.body = body[1:] or [ast.copy_location(ast.Pass(), first)]
    return tree


def _pyc(source: bytes, filename: str) -> bytes:
    """A sourceless ``.pyc``: hash-based, unchecked (flags 1), so nothing looks for the source."""
    tree = _without_docstrings(source, filename)
    code = compile(tree, filename, "exec", dont_inherit=True)
    header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
    return header + importlib.util.source_hash(source) + marshal.dumps(code)


def collect(scorer_root: str) -> str:
    stdlib = next(entry for entry in sys.path if entry.endswith(".zip"))
    files: dict[str, str] = {}
    modules: list[str] = []
    for name, module in sorted(_LOADED.items()):
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            continue  # built into the interpreter, frozen, or a namespace package
        for root in (stdlib, scorer_root):
            if origin.startswith(root + "/"):
                relative = origin[len(root) + 1 :]
                source = spec.loader.get_data(origin)  # type: ignore[union-attr]
                # Named as it will be in the browser: the trimmed zip takes the stock one's place.
                pyc = _pyc(source, f"{stdlib}/{relative}")
                files[relative[: -len(".py")] + ".pyc"] = base64.b64encode(pyc).decode()
                modules.append(name)
    return json.dumps({"files": files, "modules": modules, "python": sys.version.split()[0]})
