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


def two_char_guard(words: Iterable[str]) -> str:
    """A lookahead that any of `words` passes where it starts: its first character, then a second character one of
    them has (or a one-character word). Before a trie of many first characters, where a common character starts a
    name (新, 工, 能 …), it rejects most such positions in two class tests instead of a try of every branch; the
    engine then tries each position, so it pays only where candidates are frequent. Empty for no words."""
    words = [w for w in words if w]
    if not words:
        return ""
    firsts = _char_class(w[0] for w in words)
    seconds = _char_class(w[1] for w in words if len(w) > 1)
    singles = _char_class(w for w in words if len(w) == 1)
    pairs = [firsts + seconds] if seconds else []
    return "(?=" + "|".join(pairs + ([singles] if singles else [])) + ")"


def _char_class(chars: Iterable[str]) -> str:
    """A class of the given characters, or empty for none."""
    found = sorted(set(chars))
    return "[" + "".join(re.escape(c) for c in found) + "]" if found else ""
