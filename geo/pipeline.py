"""Plans -> roles, for one file or the whole corpus in data/plans/."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from geo import paths
from geo.extract.places import detect_city, index_for
from geo.extract.roles import Role
from geo.extract.rules import extract
from geo.ingest.read import read_plan_text
from geo.ingest.plans import PlanEntry, PlanMeta, load_index, split_sections
from geo.reference.clusters import load_clusters

_TITLE_LINE = re.compile(r"(?:行动计划|行动方案|实施方案|若干措施|若干政策|规划|意见|方案|措施|通知)(?:（[^）]*）)?$")


class CityUnknown(ValueError):
    """The text does not make its city clear and none was given."""


@lru_cache(maxsize=1)
def cluster_names_en() -> dict[str, str]:
    return {c.name: c.name_en for c in load_clusters()}


def extract_text(text: str, plan_id: str, title: str, city: str | None = None) -> tuple[str, list[Role]]:
    """Roles of one normalized plan text; the city is detected when not given."""
    city = city or detect_city(text)
    if not city:
        raise CityUnknown(f"{plan_id}: the text does not make its city clear; pass --city")
    sections = split_sections(text, plan_id, title)
    return city, extract(text, sections, index_for(city), cluster_names_en())


def corpus_meta(path: Path) -> PlanMeta | None:
    """The index row of a file that is part of the corpus, if it is."""
    target = path.resolve()
    for meta in load_index():
        if (paths.PLANS_DIR / meta.file).resolve() == target:
            return meta
    return None


def extract_file(path: Path, city: str | None = None, meta: PlanMeta | None = None) -> tuple[str, list[Role]]:
    """Roles of one plan file (text, HTML, PDF or DOCX; IngestError when unreadable); id and title from the corpus
    index when it is indexed."""
    text = read_plan_text(path)
    meta = meta or corpus_meta(path)
    plan_id = meta.id if meta else path.stem
    title = meta.title if meta else guess_title(text)
    return extract_text(text, plan_id, title, city or (meta.city if meta else None))


def guess_title(text: str) -> str:
    """A plan's own title line: the first early paragraph that names a plan type."""
    head = text.split("\n")[:8]
    for line in head:
        if _TITLE_LINE.search(line) and len(line) <= 120:
            return line
    return head[0][:120] if head else ""


def build_corpus(plans_dir: Path = paths.PLANS_DIR) -> tuple[list[PlanEntry], list[Role]]:
    """Every plan (one per section) and every role of the indexed corpus, in index order."""
    entries: list[PlanEntry] = []
    roles: list[Role] = []
    for meta in load_index(plans_dir / "plans.csv"):
        text = read_plan_text(plans_dir / meta.file)
        for s in split_sections(text, meta.id, meta.title):
            entries.append(PlanEntry(s.plan_id, meta.id, s.title, s.cluster, meta.city, meta.issuer, meta.date))
        roles.extend(extract_text(text, meta.id, meta.title, meta.city)[1])
    return entries, roles
