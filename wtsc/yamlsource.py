"""Read YAML with line numbers, so every data error can name file and line.

PyYAML silently keeps the last of two equal keys and turns words like ``no``
into booleans. Composing the node tree first lets us report duplicate keys and
remember the line of every value for later messages.

Composing in Python is most of the cost of a build's data layer, and line numbers
are only needed when something is wrong. So files are read with libyaml first,
refusing duplicate keys, and composed again only when a message needs a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ten times faster when present.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, located as precisely as we can."""

    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"


@dataclass
class YamlDocument:
    """A parsed file: its plain Python value plus the line of every path in it."""

    file: str
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    text: str | None = None  # set when ``lines`` is still to be worked out from it

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest part of ``path`` that exists in the file."""
        if self.text is not None:
            _build(yaml.compose(self.text, Loader=_Loader), (), self, [])
            self.text = None
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def format_path(path: Path_) -> str:
    """('duties', 2, 'cite') -> 'duties[2].cite'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _DuplicateKey(Exception):
    pass


class _FastLoader(_Loader):  # type: ignore[misc,valid-type]
    """libyaml's safe loader that refuses a mapping with a key twice (PyYAML would keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise _DuplicateKey
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


_FastLoader.add_constructor("tag:yaml.org,2002:map", _FastLoader.construct_yaml_map)


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; on a syntax error return no document and the problem."""
    text = path.read_text(encoding="utf-8")
    try:
        return YamlDocument(display_name, yaml.load(text, Loader=_FastLoader), text=text), []
    except (yaml.YAMLError, _DuplicateKey):
        pass  # the careful reading below says what and where
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, [Problem(display_name, line, "", f"YAML syntax error: {error.problem}")]
    doc = YamlDocument(display_name, None)
    problems: list[Problem] = []
    doc.value = _build(node, (), doc, problems) if node is not None else None
    return doc, problems


def _build(node: yaml.Node, path: Path_, doc: YamlDocument, problems: list[Problem]) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            line = key_node.start_mark.line + 1
            if key in first_line:
                problems.append(
                    Problem(
                        doc.file,
                        line,
                        format_path((*path, str(key))),
                        f"duplicate key '{key}' (first at line {first_line[key]})",
                    )
                )
                continue
            first_line[key] = line
            child_path = (*path, str(key))
            result[key] = _build(value_node, child_path, doc, problems)
            # A key's own line reads better than its value's for block values.
            doc.lines[child_path] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), doc, problems) for i, child in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node) -> Any:
    """Construct one scalar the safe way, so ints, dates and nulls keep their YAML types."""
    if not isinstance(node, yaml.ScalarNode):
        return yaml.serialize(node).strip()
    value = _CONSTRUCTOR.construct_object(node)
    _CONSTRUCTOR.constructed_objects.clear()
    return value
