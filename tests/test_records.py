"""RoleRecords: one record per (plan, cluster, district, role), direct before expanded, built only when new."""
from geo.extract.places import Place
from geo.extract.records import RoleRecords

UNIT_A = Place("甲区", "a", "district", "unit")
UNIT_B = Place("乙区", "b", "district", "unit")
ZONE = Place("某高新区", "z", "development_zone", "zone", (UNIT_A,))
GROUP = Place("东部组团", "g", "group", "group", (UNIT_A, UNIT_B))


def _fields(role: str, quote: str, start: int) -> dict[str, object]:
    return {
        "city": "深圳市", "plan_id": "p", "plan_title": "t", "cluster": "集成电路", "cluster_en": "IC",
        "role": role, "functions": (), "quote": quote, "start": start, "end": start + len(quote),
    }


def test_first_record_of_a_key_wins_and_direct_beats_expanded() -> None:
    records = RoleRecords()
    records.add(ZONE, _fields("集聚区", "某高新区建设集聚区。", 0))  # expands to 甲区
    records.add(UNIT_A, _fields("集聚区", "甲区建设集聚区。", 10))
    records.add(UNIT_A, _fields("集聚区", "甲区再建设集聚区。", 20))
    roles = records.roles()
    assert [(r.district, r.via, r.start) for r in roles] == [("某高新区", "direct", 0), ("甲区", "direct", 10)]


def test_a_group_gives_only_its_units_records() -> None:
    records = RoleRecords()
    records.add(GROUP, _fields("核心区", "东部组团打造核心区。", 0))
    records.add(UNIT_B, _fields("高地", "乙区打造高地。", 12))
    assert [(r.district, r.role, r.via) for r in records.roles()] == [
        ("乙区", "高地", "direct"), ("甲区", "核心区", "东部组团"), ("乙区", "核心区", "东部组团"),
    ]
