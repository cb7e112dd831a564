"""Editors' decisions on extracted roles: accept, reject, edit, add, undo — each one on record.

A decision is stored apart from the extracted roles, keyed by `role_id`, so loading the committed files
again (or extracting again after a rule change) never touches it: a role that is read the same way keeps
its id and its decision; a decision whose role is no longer extracted is an orphan, listed on the review
screen for another look, never dropped. Every change is written to the change log with the role before
and after, which is also what undo restores.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable

from geo.extract.functions import FUNCTION_ORDER, functions_in
from geo.extract.roles import role_id_for
from geo.ingest.plans import file_id_of, split_sections
from geo.store.base import PlanRole

if TYPE_CHECKING:
    from geo.store.sql import SqlStore

ACTIONS = ("accept", "reject", "edit", "undo")
EDITABLE = ("role", "functions", "cluster", "place")
MAX_ROLE_CHARS = 80
MAX_QUOTE_CHARS = 1000
Run = Callable[..., list[tuple[Any, ...]]]


class ReviewError(ValueError):
    """A decision that cannot be taken; `status` is the HTTP status the web layer answers with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Decision:
    """The current decision on one role. `role` is the role as decided (all fields); `basis` is the role as
    it was extracted when the decision was taken, empty for a role an editor added."""

    role_id: str
    file_id: str
    status: str
    role: dict[str, Any]
    basis: dict[str, Any]
    reviewed_by: str
    reviewed_at: str

    @property
    def added(self) -> bool:
        return not self.basis


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _revive(data: dict[str, Any]) -> PlanRole:
    fields = {f.name for f in dataclasses.fields(PlanRole)}
    return PlanRole(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in fields})


_DECIDED = ("role", "functions", "cluster", "cluster_en", "district", "district_id", "district_kind")


def apply_decisions(roles: Iterable[PlanRole], decisions: Iterable[Decision]) -> tuple[list[PlanRole], list[Decision]]:
    """The roles as reviewed (rejected ones included, with their status) and the orphaned decisions.

    An edit keeps what the extractor read (quote, span, plan) and replaces what the editor decided;
    added roles follow in text order."""
    by_id = {d.role_id: d for d in decisions}
    out: list[PlanRole] = []
    for r in roles:
        d = by_id.pop(r.role_id, None)
        if d is None:
            out.append(r)
            continue
        decided = {k: d.role[k] for k in _DECIDED if k in d.role}
        decided["functions"] = tuple(decided.get("functions", r.functions))
        out.append(dataclasses.replace(r, **decided, status=d.status, reviewed_by=d.reviewed_by, reviewed_at=d.reviewed_at))
    added = sorted((d for d in by_id.values() if d.added), key=lambda d: (d.role.get("plan_id", ""), d.role.get("start", 0)))
    for d in added:
        out.append(dataclasses.replace(_revive(d.role), status=d.status, reviewed_by=d.reviewed_by, reviewed_at=d.reviewed_at))
    orphans = [d for d in by_id.values() if not d.added]
    return out, orphans


def decision_from_row(row: tuple[Any, ...]) -> Decision:
    role_id, file_id, status, role, basis, by, at = row
    return Decision(role_id, file_id, status, json.loads(role), json.loads(basis), by, at)


DECISION_COLUMNS = "role_id, file_id, status, role, basis, reviewed_by, reviewed_at"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _role_dict(r: PlanRole) -> dict[str, Any]:
    d = dataclasses.asdict(r)
    d["functions"] = list(r.functions)
    return d


def _state(r: PlanRole | None) -> dict[str, Any] | None:
    """What the change log shows of a role: every field, with its status and reviewer."""
    return None if r is None else _role_dict(r)


class Reviewer:
    """Takes decisions on a SqlStore for one editor (`login`). Each call is one transaction that also
    writes the change log and gives the data a new version."""

    def __init__(self, store: "SqlStore", login: str):
        self.store = store
        self.login = login

    # --- what a decision starts from -----------------------------------------------------------------
    def _extracted(self, run: Run, role_id: str) -> PlanRole | None:
        rows = run("SELECT data FROM roles WHERE role_id = ?", role_id)
        return _revive(json.loads(rows[0][0])) if rows else None

    def _decision(self, run: Run, role_id: str) -> Decision | None:
        rows = run(f"SELECT {DECISION_COLUMNS} FROM reviews WHERE role_id = ?", role_id)
        return decision_from_row(rows[0]) if rows else None

    @staticmethod
    def _current(extracted: PlanRole | None, decision: Decision | None) -> PlanRole | None:
        roles, _ = apply_decisions([extracted] if extracted else [], [decision] if decision else [])
        return roles[0] if roles else None

    # --- writing -------------------------------------------------------------------------------------
    def _put(self, run: Run, decision: Decision | None, role_id: str) -> None:
        run("DELETE FROM reviews WHERE role_id = ?", role_id)
        if decision is not None:
            run(f"INSERT INTO reviews ({DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                decision.role_id, decision.file_id, decision.status, _dumps(decision.role), _dumps(decision.basis),
                decision.reviewed_by, decision.reviewed_at)

    def _log(self, run: Run, role_id: str, file_id: str, action: str, before: Decision | None, after: Decision | None,
             shown_before: PlanRole | None, shown_after: PlanRole | None) -> int:
        """One change-log row: the roles as shown before and after, and the decisions that undo restores."""
        record = lambda d, r: _dumps({"role": _state(r), "decision": dataclasses.asdict(d) if d else None})  # noqa: E731
        run("INSERT INTO changes (at, login, role_id, file_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            now(), self.login, role_id, file_id, action, record(before, shown_before), record(after, shown_after))
        return int(run("SELECT max(id) FROM changes WHERE role_id = ?", role_id)[0][0])

    # --- the actions ---------------------------------------------------------------------------------
    def review(self, role_id: str, action: str, changes: dict[str, Any] | None = None) -> PlanRole | None:
        """accept, reject, edit (with `changes`: role, functions, cluster, place) or undo one role; returns
        the role as it now stands (None when an undo took an added role away)."""
        if action not in ACTIONS:
            raise ReviewError(f"action must be one of {', '.join(ACTIONS)}; got '{action}'")
        with self.store.edit() as run:
            extracted, before = self._extracted(run, role_id), self._decision(run, role_id)
            if extracted is None and before is None:
                raise ReviewError(f"no role with id '{role_id}'", 404)
            shown = self._current(extracted, before)
            if action == "undo":
                return self._undo(run, role_id, extracted, before, shown)
            if shown is None:
                raise ReviewError(f"role '{role_id}' is no longer extracted; only undo applies to its decision", 409)
            role = self._edited(shown, changes or {}) if action == "edit" else shown
            if action == "reject":
                status = "rejected"
            elif extracted is None:
                status = "added"
            else:
                status = "edited" if any(getattr(role, k) != getattr(extracted, k) for k in _DECIDED) else "accepted"
            after = Decision(role_id, file_id_of(role.plan_id), status, _role_dict(role),
                             _role_dict(extracted) if extracted else {}, self.login, now())
            self._put(run, after, role_id)
            shown_after = self._current(extracted, after)
            self._log(run, role_id, after.file_id, action, before, after, shown, shown_after)
            return shown_after

    def _undo(self, run: Run, role_id: str, extracted: PlanRole | None, before: Decision | None, shown: PlanRole | None) -> PlanRole | None:
        rows = run("SELECT id, before FROM changes WHERE role_id = ? AND action <> 'undo' AND undone_by IS NULL ORDER BY id DESC", role_id)
        if not rows:
            raise ReviewError(f"nothing to undo for role '{role_id}'", 409)
        change_id, recorded = rows[0]
        restored_data = json.loads(recorded)["decision"]
        restored = Decision(**restored_data) if restored_data else None
        self._put(run, restored, role_id)
        shown_after = self._current(extracted, restored)
        file_id = (before or restored).file_id if (before or restored) else ""  # type: ignore[union-attr]
        undo_id = self._log(run, role_id, file_id, "undo", before, restored, shown, shown_after)
        run("UPDATE changes SET undone_by = ? WHERE id = ?", undo_id, change_id)
        return shown_after

    def _edited(self, base: PlanRole, changes: dict[str, Any]) -> PlanRole:
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ReviewError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
        if not changes:
            raise ReviewError("an edit needs at least one of: " + ", ".join(EDITABLE))
        fields: dict[str, Any] = {}
        if "role" in changes:
            fields["role"] = _role_phrase(changes["role"])
        if "functions" in changes:
            fields["functions"] = _functions(changes["functions"])
        if "cluster" in changes:
            cluster = self._cluster(changes["cluster"])
            fields.update(cluster=cluster.name, cluster_en=cluster.name_en)
        if "place" in changes:
            fields.update(self._place(base.city, changes["place"]))
        return dataclasses.replace(base, **fields)

    def add(self, file_id: str, start: int, end: int, place: str, cluster: str, role: str,
            functions: list[str] | None = None) -> PlanRole:
        """A role the extractor missed, from a selection of the plan's normalized text [start, end)."""
        text, city = self.store.plan_text(file_id)
        if text is None:
            raise ReviewError(f"no plan file '{file_id}'", 404)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ReviewError(f"the selection must lie inside the plan text (0 ≤ start < end ≤ {len(text)})")
        quote = text[start:end]
        if end - start > MAX_QUOTE_CHARS or not quote.strip():
            raise ReviewError(f"select the sentence behind the role (1 to {MAX_QUOTE_CHARS} characters)")
        plan = self._plan_at(file_id, text, start)
        c = self._cluster(cluster)
        phrase = _role_phrase(role)
        fns = _functions(functions) if functions is not None else functions_in(phrase)
        fields = {"city": city, "plan_id": plan.plan_id, "plan_title": plan.title, "cluster": c.name, "cluster_en": c.name_en,
                  **self._place(city, place), "role": phrase, "functions": fns, "via": "direct", "quote": quote,
                  "start": start, "end": end, "plan_issuer": plan.issuer, "plan_date": plan.date, "plan_url": getattr(plan, "url", "")}
        rid = role_id_for(plan.plan_id, c.name, fields["district_id"], phrase, quote)
        added = PlanRole(**fields, role_id=rid, status="added")
        with self.store.edit() as run:
            if self._extracted(run, rid) is not None or self._decision(run, rid) is not None:
                raise ReviewError(f"this role is already there (role_id {rid})", 409)
            after = Decision(rid, file_id, "added", _role_dict(added), {}, self.login, now())
            self._put(run, after, rid)
            shown = self._current(None, after)
            self._log(run, rid, file_id, "add", None, after, None, shown)
        assert shown is not None
        return shown

    # --- validation against the store's reference data ------------------------------------------------
    def _cluster(self, key: Any) -> Any:
        if not isinstance(key, str) or not key.strip():
            raise ReviewError("cluster must be a cluster name or slug")
        for c in self.store.clusters():
            if key.strip() in (c.name, c.slug):
                return c
        raise ReviewError(f"unknown cluster '{key}'")

    def _place(self, city: str, key: Any) -> dict[str, str]:
        if not isinstance(key, str) or not key.strip():
            raise ReviewError("place must be the id or name of a district or zone of the plan's city")
        key = key.strip()
        for u in self.store.units(city):
            if key in (u.id, u.name):
                return {"district": u.name, "district_id": u.id, "district_kind": u.kind}
        for z in self.store.zones(city):
            if key == z.id or key == z.name or key in z.aliases:
                return {"district": z.name, "district_id": z.id, "district_kind": z.kind}
        raise ReviewError(f"'{key}' is no district or zone of {city}")

    def _plan_at(self, file_id: str, text: str, offset: int) -> Any:
        """The plan (section of the file) that holds the offset."""
        plans = {p.plan_id: p for p in self.store.plans() if getattr(p, "file_id", p.plan_id) == file_id}
        if not plans:
            raise ReviewError(f"no plan file '{file_id}'", 404)
        first = plans.get(file_id) or next(iter(plans.values()))
        for s in split_sections(text, file_id, first.title):
            if s.start <= offset < s.end and s.plan_id in plans:
                return plans[s.plan_id]
        return first


def _role_phrase(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ReviewError("role must be a non-empty phrase")
    value = " ".join(value.split())
    if len(value) > MAX_ROLE_CHARS:
        raise ReviewError(f"role must be at most {MAX_ROLE_CHARS} characters")
    return value


def _functions(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace("，", "|").replace(",", "|").split("|") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ReviewError("functions must be a list of: " + ", ".join(FUNCTION_ORDER))
    wrong = [v for v in value if v.strip() not in FUNCTION_ORDER]
    if wrong:
        raise ReviewError(f"unknown function {', '.join(wrong)}; known: {', '.join(FUNCTION_ORDER)}")
    chosen = {v.strip() for v in value}
    return tuple(f for f in FUNCTION_ORDER if f in chosen)


def change_log(store: "SqlStore", limit: int = 100, before_id: int | None = None, file_id: str | None = None) -> list[dict[str, Any]]:
    """The public change log, newest first: who, when, what, and the role before and after."""
    where, params = [], []
    if before_id is not None:
        where.append("id < ?")
        params.append(before_id)
    if file_id is not None:
        where.append("file_id = ?")
        params.append(file_id)
    sql = "SELECT id, at, login, role_id, file_id, action, before, after, undone_by FROM changes"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = store.query(sql + " ORDER BY id DESC LIMIT ?", *params, limit)
    return [
        {"id": int(i), "at": at, "by": login, "role_id": rid, "plan": fid, "action": action,
         "before": json.loads(b)["role"] if b else None, "after": json.loads(a)["role"] if a else None,
         "undone_by": int(u) if u is not None else None}
        for i, at, login, rid, fid, action, b, a, u in rows
    ]
