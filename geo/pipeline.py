"""Plans -> roles, for one file or the whole corpus in data/plans/."""
from __future__ import annotations

import csv
import difflib
import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.atomic import atomic_write_text
from geo.extract.extractor import extract
from geo.extract.places import detect_city, index_for
from geo.extract.roles import Role, write_csv
from geo.ingest.plans import (
    PlanEntry,
    PlanMeta,
    file_id_of,
    load_index,
    split_sections,
    write_entries,
)
from geo.ingest.read import read_plan_text
from geo.reference.units import City, load_cities

_TITLE_LINE = re.compile(r"(?:行动计划|行动方案|实施方案|若干措施|若干政策|规划|意见|方案|措施|通知)(?:（[^）]*）)?$")


class CityUnknown(ValueError):
    """The text does not make its city clear and none was given."""



def extract_text(text: str, plan_id: str, title: str, city: str | None = None) -> tuple[str, list[Role]]:
    """Roles of one normalized plan text; the city is detected when not given."""
    city = city or detect_city(text)
    if not city:
        raise CityUnknown(f"{plan_id}: the text does not make its city clear; pass --city")
    sections = split_sections(text, plan_id, title)
    return city, extract(text, sections, index_for(city))


def corpus_meta(path: Path) -> PlanMeta | None:
    """The index row of a file that is part of the corpus, if it is. Only a corpus file of the same name, or a
    symbolic link, can resolve to `path`: the others are not resolved, which takes a system call per folder. One
    listing of the corpus folder tells which files are links, where asking of each file takes a system call."""
    target = path.resolve()
    metas = _corpus_index()
    with os.scandir(paths.PLANS_DIR) as entries:
        links = {e.name: e.is_symlink() for e in entries}
    for meta in metas:
        file = paths.PLANS_DIR / meta.file
        link = links[meta.file] if meta.file in links else file.is_symlink()
        if (file.name == target.name or link) and file.resolve() == target:
            return meta
    return None


_index_cache: tuple[tuple[int, int, int], list[PlanMeta]] | None = None


def _corpus_index() -> list[PlanMeta]:
    """The rows of plans.csv, read again only when the file changes (its inode, size or time): `extract_file` asks
    for them for every file it is not given the row of, and parsing them costs more than the rest of a file's
    overhead. One entry: the index as it is now."""
    global _index_cache
    st = os.stat(paths.PLANS_INDEX)
    key = (st.st_ino, st.st_size, st.st_mtime_ns)
    if _index_cache is None or _index_cache[0] != key:
        _index_cache = key, load_index(paths.PLANS_INDEX)
    return _index_cache[1]


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
    return _build(plans_dir, load_index(plans_dir / "plans.csv"), {})


# --- the corpus: data/plans/plans.csv and the files it lists; `geo add` and `geo remove` edit it ---

INDEX_COLUMNS = ["id", "title", "city", "issuer", "date", "file", "url"]
_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(?<!\d)(20\d{2})-(\d{2})-(\d{2})(?!\d)")
_LABELLED_DATE = re.compile(r"(?:发布|印发|成文|信息提供|公开)日期\s*[:：]?\s*(?P<d>(?:19|20)\d{2}(?:-\d{2}-\d{2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))")
_ORGAN_TAIL = r"[\u4e00-\u9fff]{0,20}?(?:人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅|办公室|局|委|厅|管委会)"
# An issuing body: a government, its office, or a department, at the start of a line (the signature block).
_ISSUER = re.compile(
    r"^\s*([\u4e00-\u9fff]{2,12}?(?:省|市|区|县|自治州|地区|盟)[\u4e00-\u9fff]{0,20}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|委员会|办公厅|办公室|局|委|厅|管委会))"
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*$",  # normalizing joins the date line on
    re.M,
)


class CorpusError(ValueError):
    """`geo add` cannot place a plan: the message says why and what to pass."""


@dataclass(frozen=True)
class Added:
    """What `geo add` did: the index row, which fields it guessed, and the roles it found."""

    meta: PlanMeta
    guessed: tuple[str, ...]
    roles: int
    already: bool = False


def write_index(metas: list[PlanMeta], path: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(INDEX_COLUMNS)
    for m in metas:
        w.writerow([getattr(m, c) for c in INDEX_COLUMNS])
    atomic_write_text(path, buf.getvalue())


def write_built(data_dir: Path, entries: list[PlanEntry], roles: list[Role]) -> None:
    """data/roles.csv and data/plan_sections.csv, each replaced in one rename."""
    write_csv(roles, data_dir / "roles.csv")
    write_entries(entries, data_dir / "plan_sections.csv")


def resolve_city_name(key: str, cities: list[City]) -> City:
    """A city by its name, short name (杭州), slug or English name; CorpusError with suggestions otherwise."""
    k = key.strip().lower()
    for c in cities:
        if k in {c.name, c.name.removesuffix("市"), c.slug, c.name_en.lower()}:
            return c
    pool = {form: c.name for c in cities for form in (c.name, c.name.removesuffix("市"), c.slug)}
    close = list(dict.fromkeys(pool[f] for f in difflib.get_close_matches(k, list(pool), n=6, cutoff=0.5)))
    hint = f"; did you mean {', '.join(close[:3])}?" if close else ""
    raise CorpusError(f"unknown city '{key}'{hint}")


def guess_date(text: str) -> str:
    """A labelled publication date (发布日期, 信息提供日期 …), else the last full date not part of a
    deadline (…至2026年12月31日), as YYYY-MM-DD."""
    labelled = _LABELLED_DATE.search(text)
    if labelled:
        return _iso(labelled.group("d"))
    found = [(m.start(), _iso(m.group())) for p in (_DATE, _ISO_DATE) for m in p.finditer(text)
             if not re.search(r"(?:至|到|前|截至|有效期)\s*$", text[max(0, m.start() - 4) : m.start()])]
    return max(found)[1] if found else ""


def _iso(date: str) -> str:
    m = _DATE.fullmatch(date.strip()) or _ISO_DATE.fullmatch(date.strip())
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else date


def guess_issuer(text: str, city: str) -> str:
    """The issuing body: the signature line (an organ of the plan's city alone on its line, perhaps with
    the date), else the organ that opens the title (重庆市经济和信息化委员会关于印发…)."""
    stem = city.removesuffix("市")
    found = [m[1] for m in _ISSUER.finditer(text) if m[1].startswith(stem)]
    if found:
        return found[-1]
    in_title = re.compile(rf"({re.escape(city)}{_ORGAN_TAIL})(?:关于|印发)")
    for line in text.split("\n")[:10]:
        m = in_title.search(line)
        if m:
            return m[1]
    return ""


def plan_id_for(path: Path, city: City, text: str) -> str:
    """The file stem when it is a usable ASCII slug, else the city slug and a content hash."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if re.fullmatch(r"[a-z0-9][a-z0-9-]{2,80}", stem) and not stem.isdigit():
        return stem
    return f"{city.slug}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def add_plan(
    path: Path,
    data_dir: Path = paths.DATA_DIR,
    city: str | None = None,
    title: str | None = None,
    issuer: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Added:
    """Put a plan file into the corpus and rebuild roles.csv and plan_sections.csv.

    Nothing is written until extraction has succeeded; every file is then replaced by a rename, so a
    failed add leaves the corpus as it was. A file whose bytes are already in the corpus changes nothing.
    """
    plans_dir = data_dir / "plans"
    metas = load_index(plans_dir / "plans.csv")
    raw = path.read_bytes()
    for m in metas:
        if (plans_dir / m.file).read_bytes() == raw:
            return Added(m, (), 0, already=True)
    cities = load_cities(data_dir / "cities.csv")
    text = read_plan_text(path)
    if city:
        target = resolve_city_name(city, cities)
    else:
        detected = detect_city(text)
        if not detected:
            raise CorpusError(f"{path.name}: the text does not make its city clear; pass --city")
        target = resolve_city_name(detected, cities)
    guessed = []
    if not title:
        title, guessed = guess_title(text), [*guessed, "title"]
    if not issuer:
        issuer, guessed = guess_issuer(text, target.name), [*guessed, "issuer"]
    if not date:
        date, guessed = guess_date(text), [*guessed, "date"]
    elif not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", date):
        raise CorpusError(f"--date must be YYYY, YYYY-MM or YYYY-MM-DD; got '{date}'")
    plan_id = plan_id_for(path, target, text)
    taken = {m.id for m in metas}
    base, n = plan_id, 2
    while plan_id in taken:
        plan_id, n = f"{base}-{n}", n + 1
    suffix = path.suffix.lower() or ".txt"
    meta = PlanMeta(plan_id, title, target.name, issuer, date, plan_id + suffix, url or "")
    dest = plans_dir / meta.file
    tmp = dest.with_name(f".staged-{meta.file}")  # same suffix: the reader picks the format by it
    tmp.write_bytes(raw)
    try:
        entries, roles = _build(plans_dir, [*metas, meta], {meta.file: tmp})
    except Exception:
        tmp.unlink()
        raise
    os.replace(tmp, dest)
    write_index([*metas, meta], plans_dir / "plans.csv")
    write_built(data_dir, entries, roles)
    return Added(meta, tuple(guessed), sum(file_id_of(r.plan_id) == plan_id for r in roles))


def remove_plan(plan_id: str, data_dir: Path = paths.DATA_DIR) -> PlanMeta:
    """Take a plan (and its file) out of the corpus and rebuild; the inverse of add_plan, byte for byte."""
    plans_dir = data_dir / "plans"
    metas = load_index(plans_dir / "plans.csv")
    gone = next((m for m in metas if m.id == plan_id), None)
    if gone is None:
        known = difflib.get_close_matches(plan_id, [m.id for m in metas], n=3, cutoff=0.3)
        hint = f"; did you mean {', '.join(known)}?" if known else ""
        raise CorpusError(f"no plan '{plan_id}' in the corpus{hint}")
    kept = [m for m in metas if m.id != plan_id]
    entries, roles = _build(plans_dir, kept, {})
    write_index(kept, plans_dir / "plans.csv")
    write_built(data_dir, entries, roles)
    (plans_dir / gone.file).unlink()
    return gone


def _build(plans_dir: Path, metas: list[PlanMeta], staged: dict[str, Path]) -> tuple[list[PlanEntry], list[Role]]:
    entries: list[PlanEntry] = []
    roles: list[Role] = []
    for meta in metas:
        text = read_plan_text(staged.get(meta.file, plans_dir / meta.file))
        for s in split_sections(text, meta.id, meta.title):
            entries.append(PlanEntry(s.plan_id, meta.id, s.title, s.cluster, meta.city, meta.issuer, meta.date))
        roles.extend(extract_text(text, meta.id, meta.title, meta.city)[1])
    return entries, roles
