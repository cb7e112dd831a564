"""Frozen slotted dataclasses that cost what a plain class costs to build.

A frozen dataclass's own __init__ sets each field through object.__setattr__, at two to three times the cost of
setting the slot directly, and the extractor builds its small records (mentions, runs, roles found) for every
sentence it reads. `slot_init` gives such a class an __init__ that sets each slot through its descriptor instead,
written out once per class as dataclasses writes its own.
"""
from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TypeVar

T = TypeVar("T", bound=type)


def slot_init(cls: T) -> T:
    """Decorate a `@dataclass(frozen=True, slots=True, init=False)` class: the same parameters and defaults as
    dataclasses would give it, each argument stored through its slot."""
    env: dict[str, object] = {}
    params, body = [], []
    for f in fields(cls):
        env[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        body.append(f"    _set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), env)  # noqa: S102 - our own field names only
    cls.__init__ = env["__init__"]  # type: ignore[misc]
    return cls
