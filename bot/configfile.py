"""The configuration file as data: read strictly, every problem a ConfigError naming it.

A key given twice, bad UTF-8, a NUL byte, nesting no configuration needs, an empty file or a
top level that is not a mapping: each stops here with the file (and line) named, before
pydantic checks the values (bot/config.py).
"""

from __future__ import annotations

from pathlib import Path

import yaml


class ConfigError(Exception):
    """The configuration file or the environment is unusable; the message names file and key."""


MAX_CONFIG_BYTES = 1_000_000
MAX_DEPTH = 20  # app.yaml nests three levels; anything deeper is not a configuration


class _StrictLoader(yaml.SafeLoader):
    """YAML as written: a key given twice is an error, not silently the last value."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> dict[str, object]:
    """The file as a mapping; a ConfigError naming the file (and line) for anything else."""
    if path.is_dir():
        raise ConfigError(f"{path}: is a directory, not a configuration file")
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        raw = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES} bytes: not a configuration")
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: contains a NUL byte (is this a text file?)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: not UTF-8 (byte {exc.start})") from None
    depth = _depth(text)
    if depth > MAX_DEPTH:
        raise ConfigError(f"{path}: nested {depth} levels deep (at most {MAX_DEPTH})")
    try:
        data = yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise ConfigError(f"{path}:{where}: not valid YAML ({problem})") from None
    if data is None:
        raise ConfigError(f"{path}: the file is empty; it needs at least 'zones' (see README)")
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of keys")
    return data


def _depth(text: str) -> int:
    """The deepest nesting of [ and { (flow style), counted without parsing."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest
