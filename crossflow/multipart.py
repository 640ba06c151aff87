"""The GraphQL multipart request (file uploads), checked before any of it is used.

strawberry follows the ``map`` part of a multipart request blindly: a path through a key
that does not exist (``{"0": ["variables.f.x.y"]}``), a map that is a list, or a part that
is not JSON raised a KeyError or TypeError deep inside it, which left the server as a 500.
Here the parts are parsed and every path of the map is walked first; anything that does not
fit the spec (https://github.com/jaydenseric/graphql-multipart-request-spec) is a
``MalformedMultipart``, which the view answers with a 400 and a coded GraphQL error
(``BAD_REQUEST``, like strawberry's other transport refusals there).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson


class MalformedMultipart(Exception):
    """The multipart body does not follow the GraphQL multipart request spec."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def json_part(raw: Any, name: str) -> Any:
    """The JSON value of the form part ``name``."""
    if not isinstance(raw, (str, bytes)):
        raise MalformedMultipart(f"the '{name}' part is missing or not text")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise MalformedMultipart(f"the '{name}' part is not JSON") from exc


def check_map(operations: Any, files_map: Any, files: Mapping[str, Any]) -> None:
    """Refuse a map that is not ``{file part: [paths to existing keys]}``."""
    if not isinstance(operations, (dict, list)):
        raise MalformedMultipart("'operations' must be an object or a list")
    if not isinstance(files_map, dict):
        raise MalformedMultipart("'map' must be an object")
    for name, paths in files_map.items():
        if name not in files:
            raise MalformedMultipart(f"'map' names a file part '{name}' that is not there")
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise MalformedMultipart(f"'map' of '{name}' must be a list of paths")
        for path in paths:
            _check_path(operations, path)


def _check_path(operations: dict[str, Any] | list[Any], path: str) -> None:
    """``path`` (``variables.input.file``) must lead to a ``null`` placeholder in ``operations``."""
    target: Any = operations
    for key in path.split("."):
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            raise MalformedMultipart(f"'map' path '{path[:200]}' is not in 'operations'")
    if target is not None:
        raise MalformedMultipart(f"'map' path '{path[:200]}' is not a null placeholder")
