"""Role records of one section, one per (plan, cluster, district, role), a direct record winning over an
expanded one. A record is built only when its key is new: building a Role hashes its quote for the role id."""
from __future__ import annotations

from geo.extract.places import Place
from geo.extract.roles import Role, role_of

_Key = tuple[str, str, str, str]


class RoleRecords:
    """Records in text order: direct ones first, then expanded ones (via a zone or group) no direct one covers."""

    def __init__(self) -> None:
        self._direct: dict[_Key, Role] = {}
        self._expanded: dict[_Key, Role] = {}

    def add(self, place: Place, fields: dict[str, object]) -> None:
        """The records one role of `place` gives: its own unless it is a group, and one per unit it expands to.
        `fields` are the Role's fields other than the district and `via`."""
        plan_id, cluster, role = fields["plan_id"], fields["cluster"], fields["role"]
        key = (plan_id, cluster, place.name, role)
        if place.type != "group" and key not in self._direct:
            self._direct[key] = role_of(fields, place.name, place.id, place.kind, "direct")
        for unit in place.expands_to:
            key = (plan_id, cluster, unit.name, role)
            if key not in self._expanded:
                self._expanded[key] = role_of(fields, unit.name, unit.id, unit.kind, place.name)

    def roles(self) -> list[Role]:
        return list(self._direct.values()) + [r for k, r in self._expanded.items() if k not in self._direct]
