"""Tables of district positioning (区县 | 主导产业 | 功能定位), read by their columns.

Word tables, and web tables, come out of ingestion one row per line with cells joined by ； (see
`geo.ingest.docx` and `geo.ingest.html`). A header row names the columns; each following row with as many
cells gives the place in its place column a role (the 定位 column) in the industries of its industry column.
Rows are read by column, not by the sentence grammar: a cell holds a noun phrase, never a verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.places import Place, PlaceIndex
from geo.extract.rules import Found, clean_role, industries_named
from geo.reference.clusters import Cluster, ClusterMention, industry_cluster

_CELL = re.compile("[；;|]")
_ROLE_COLUMN = re.compile(r"定位|功能|发展目标|发展方向定位")
_AIM_COLUMN = re.compile(r"发展方向|发展导向")
_INDUSTRY_COLUMN = re.compile(r"主导产业|重点产业|特色产业|产业方向|发展方向|重点发展|发展重点|产业重点|优势产业|产业|集群")
_PLACE_COLUMN = re.compile(r"区县|县区|[区县市]（|区域|地区|名称|板块|片区|园区|平台|所在地|承载地|载体|[区县市]$")  # 县（市、区）
# A column of places whose header is their role (核心承载区, 协同发展区, 配套区).
_ROLE_PLACE_COLUMN = re.compile(r"(?:核心|重点|协同|配套|联动|辐射|拓展|特色)(?:承载|发展|布局|集聚|配套|支撑|联动)?(?:区|地)")
_HEADER_CELL_MAX = 12
_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_CELL_ITEM = re.compile("[、，,/和及与]")
_CELL_ITEM_MAX = 8
_PLACE_CELL_MAX = 20
_NOT_NAMED = re.compile(r"^(?:等|其他|相关|无|—|-)|[0-9]")


@dataclass(frozen=True, slots=True)
class Columns:
    """Which cell of a row holds the place, the role and the industries (-1: the table has none)."""

    count: int
    places: tuple[int, ...]  # 重点园区 | 主要布局地区: every column of places
    role: int
    industries: tuple[int, ...]  # 首位产业 | 主导产业: every industry column
    named_roles: tuple[tuple[int, str], ...] = ()  # 核心承载区 | 协同发展区: place columns whose header is the role


def header_of(line: str, index: PlaceIndex) -> Columns | None:
    """The columns a header row names, if `line` is one: short cells, a place column and a role or
    industry column, and no place named in it."""
    cells = _cells(line)
    if len(cells) < 2 or any(len(c) > _HEADER_CELL_MAX for c in cells) or index.find(line):
        return None
    named_roles = tuple((i, c.strip()) for i, c in enumerate(cells) if _ROLE_PLACE_COLUMN.fullmatch(c.strip()))
    if named_roles and not any(_ROLE_COLUMN.search(c) for c in cells) and (industries := tuple(i for i, c in enumerate(cells) if _INDUSTRY_COLUMN.search(c))):
        return Columns(len(cells), (), -1, industries, named_roles)  # 产业链 | 核心承载区 | 协同发展区
    role = next((i for i, c in enumerate(cells) if _ROLE_COLUMN.search(c)), -1)
    if role < 0 and (aim := next((i for i, c in enumerate(cells) if _AIM_COLUMN.search(c)), -1)) >= 0:
        if any(i != aim and _INDUSTRY_COLUMN.search(c) and not _PLACE_COLUMN.search(c) for i, c in enumerate(cells)):
            role = aim  # 区县 | 主导产业 | 发展方向: beside an industry column the direction is where the place heads, its role
    places = tuple(i for i, c in enumerate(cells) if i != role and _PLACE_COLUMN.search(c) and not _INDUSTRY_COLUMN.search(c))
    industries = tuple(i for i, c in enumerate(cells) if i != role and i not in places and _INDUSTRY_COLUMN.search(c))
    if not places or (role < 0 and not industries):
        return None
    return Columns(len(cells), places, role, industries)


def _cells(line: str) -> list[str]:
    """The cells of a row; a Markdown row's outer bars (|区域|定位|) open and close no cell."""
    return _CELL.split(_inner(line))


def _inner(line: str) -> str:
    line = line.rstrip("。")
    return line[1:-1] if len(line) > 1 and line[0] == line[-1] == "|" else line


def _unlisted(cell: str) -> tuple[Cluster, ...]:
    """An industry cell that names no industry the taxonomy knows still names industries (吉他制造, 茶): each of
    its short items, by its own name."""
    items = [i.removesuffix("产业") for i in _CELL_ITEM.split(cell.strip()) if i]
    if not items or any(len(i) > _CELL_ITEM_MAX or _NOT_NAMED.search(i) for i in items):
        return ()
    return tuple({c.slug: c for c in map(industry_cluster, items)}.values())


@dataclass(frozen=True, slots=True)
class Row:
    """One place of a table row and what the row gives it."""

    place: Place
    found: Found  # the role cell (or the industry cell when the table has no role column), with the industries


def read_row(line: str, columns: Columns, index: PlaceIndex, mentions: list[ClusterMention]) -> list[Row] | None:
    """The places of a row and their role, or None when `line` is not a row of this table; `mentions` are the
    row's cluster mentions."""
    cells = _cells(line)
    if len(cells) != columns.count:
        return None
    if all(_RULE_CELL.fullmatch(c) for c in cells):
        return []  # | --- | --- |: a Markdown table's rule under its header
    starts = [int(_inner(line) != line.rstrip("。"))]  # after a Markdown row's opening bar
    for c in cells[:-1]:
        starts.append(starts[-1] + len(c) + 1)
    named = {i: industries_named(line, starts[i], starts[i] + len(cells[i]), mentions) or _unlisted(cells[i]) for i in columns.industries}
    industries = tuple({c.slug: c for cs in named.values() for c in cs}.values())
    if columns.named_roles:
        rows = [
            Row(m.place, Found(role, starts[i], starts[i] + len(cells[i]), industries))
            for i, role in columns.named_roles for m in index.find(cells[i])
        ]
        return rows if rows else None
    places = [m for i in columns.places for m in index.find(cells[i])]  # 重点园区 and 主要布局地区 both take the role
    if not places:
        # a row naming a place we do not know (吉林化学工业循环经济示范园区) goes on with the table; a sentence does not
        return [] if all(len(cells[i].strip()) <= _PLACE_CELL_MAX for i in columns.places) and "，" not in line else None
    if columns.role >= 0 and cells[columns.role].strip(" —-－/"):  # — or / in a role cell: no role stated
        i = columns.role
        role = clean_role(cells[i])
    elif industries:
        i = next(i for i, cs in named.items() if cs)
        role = cells[i]
    else:
        return []
    found = Found(role, starts[i], starts[i] + len(cells[i]), industries)
    return [Row(m.place, found) for m in places]
