"""YAML for the project's data files (schema, pattern files, alias tables, the calibration model):
a key written twice in one mapping is an error, never a silent overwrite.

PyYAML keeps the last of two equal keys; in a pattern file that drops a language's words without a
word said (a merge that kept both sides' `decade.before` lost Spanish "años"). Loading through
`StrictLoader` fails naming the key and its line, and the loaders add the file's name.
"""

from __future__ import annotations

import yaml


class StrictLoader(yaml.CSafeLoader):  # libyaml scans and parses: 10x faster than yaml.SafeLoader
    """SafeLoader that refuses a mapping holding the same key twice."""


def _mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is written twice in one mapping (line {key_node.start_mark.line + 1})",
                key_node.start_mark)
        seen.add(key)
    return StrictLoader.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(text: str):
    """The YAML document in `text`, duplicate keys refused."""
    return yaml.load(text, Loader=StrictLoader)
