"""A regular expression for many literal words, factored by common prefixes.

Python's `re` tries alternatives one after another at every position; a pattern factored into a
prefix tree (南山区|南山|南澳 -> 南(?:山区?|澳)) rejects a position after one character instead.
Longer words still win: at each node the longer continuations are tried first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern that matches any of `words`, preferring the longest at each position."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node(tree)


def _node(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
