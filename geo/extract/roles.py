"""Role records on disk: data/roles.csv and the CLI's csv/json output share one schema."""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from geo import paths
from geo.atomic import atomic_write_text
from geo.store.csvsafe import safe_cell


@dataclass(frozen=True)
class Role:
    """One extracted role; columns of data/roles.csv in order."""

    city: str
    plan_id: str
    plan_title: str
    cluster: str
    cluster_en: str
    district: str
    district_id: str
    district_kind: str
    role: str
    functions: tuple[str, ...]
    via: str
    quote: str
    start: int
    end: int
    role_id: str = ""

    def __post_init__(self) -> None:
        if not self.role_id:
            object.__setattr__(self, "role_id", role_id_for(self.plan_id, self.cluster, self.district_id, self.role, self.quote))


def role_id_for(plan_id: str, cluster: str, district_id: str, role: str, quote: str) -> str:
    """A role's stable id: a hash of what the extractor read, not of where it stands (spans move when text
    above changes). The same plan sentence read the same way keeps its id across rebuilds, so review
    decisions stay attached; a different reading gets a new id and its old decision is listed for another
    look. The extractor keeps one record per (plan, cluster, place, role), so ids do not collide."""
    key = "\x1f".join((plan_id, cluster, district_id, role, quote))
    return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def role_of(fields: dict[str, object], district: str, district_id: str, district_kind: str, via: str) -> Role:
    """`Role(district=…, district_id=…, district_kind=…, via=…, **fields)` without the dataclass's __init__, which
    sets each of fifteen frozen fields through object.__setattr__ and costs the extractor more than the hash of the
    id: the state is filled in field order and the id computed as __post_init__ would."""
    role = object.__new__(Role)
    state = role.__dict__
    # One item first: update() into an empty instance dict copies the other dict whole, without the keys all Role
    # instances share, and each role would take 60% more memory.
    state["city"] = None
    state.update(_FIELD_ORDER)
    state.update(fields)
    state.update(district=district, district_id=district_id, district_kind=district_kind, via=via)
    state["role_id"] = role_id_for(state["plan_id"], state["cluster"], district_id, state["role"], state["quote"])  # type: ignore[arg-type]
    return role


_FIELD_ORDER = dict.fromkeys(f.name for f in dataclasses.fields(Role))


COLUMNS = ["role_id", *(f.name for f in dataclasses.fields(Role) if f.name != "role_id")]


def _row(role: Role, spreadsheet_safe: bool) -> dict[str, object]:
    row = dataclasses.asdict(role)
    row["functions"] = "|".join(role.functions)
    return {k: safe_cell(v) for k, v in row.items()} if spreadsheet_safe else row


def to_csv(roles: Iterable[Role], spreadsheet_safe: bool = True) -> str:
    """CSV for people: formula-like cells get an apostrophe (geo.store.csvsafe). data/roles.csv is read
    back by the store, so write_csv keeps the exact text there."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(r, spreadsheet_safe) for r in roles)
    return buf.getvalue()


def to_json(roles: Iterable[Role]) -> str:
    return json.dumps([dataclasses.asdict(r) for r in roles], ensure_ascii=False, indent=1) + "\n"


def write_csv(roles: Iterable[Role], path: Path = paths.ROLES) -> None:
    atomic_write_text(path, to_csv(roles, spreadsheet_safe=False))


def read_csv(path: Path = paths.ROLES) -> list[Role]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Role(**{**row, "functions": tuple(x for x in row["functions"].split("|") if x), "start": int(row["start"]), "end": int(row["end"])})
            for row in csv.DictReader(f)
        ]
