"""Normalized plan text -> role records: sentences in their heading scope, runs, roles, clusters.

Responsible-unit parentheticals are masked first and matching runs on the simplified twin of the
text, so quotes and spans refer to the text as published. A place gets one record per role and
cluster; a zone or group also gives its role to the units it lies in (`via`).
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from geo.extract.places import Mention, Place, PlaceIndex
from geo.extract.records import RoleRecords
from geo.extract.roles import Role
from geo.extract.rules import Found, an_asset, label_opening, mask_responsible, means_only, read_runs
from geo.extract.runs import Run, find_runs
from geo.extract.scopes import Scope, scoped_lines
from geo.extract.tables import Columns, Row, header_of, read_row
from geo.extract.topics import Topic, Where, clusters_for, section_cluster
from geo.ingest.normalize import simplified
from geo.ingest.plans import GENERAL, Section
from geo.reference.clusters import Cluster, ClusterMatcher, ClusterMention, matcher

_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
# A doubled character is a harmless typo (南南山区, 打造造为) unless the word is a reduplication.
_DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")
_BARE_JOINS = "、和及与。！？：: "
_OPENING_JOINS = ("、", "和", "及", "与")
# A sentence with no place that opens with a role verb goes on about the places that opened the one before it.
_CARRIED_VERB = re.compile(
    r"(?:同时|此外|下一步|未来|今后)?[，,]?(?:将|要|还将|并|还)?(?:重点|着力|大力|加快|积极|主要|优先|突出)?"
    r"(?:发展|布局|培育|打造|建设|聚焦|做强|做大|壮大|主攻|承接|推动|推进|引进|集聚|围绕|依托)"
)
_HEADING_JOINS = ("、", "和", "及", "与", "，", "（")  # 西固区（兰州石化产业园）: a district and its park
_BARE_PART_MAX = 5  # 拓展区, 重要支撑, 配套功能区: a role that short names no industry of its own
# 零部件配套区, 关键零部件生产基地: parts and supply for the industry of the layout, whatever their length.
_PARTS_ROLE = re.compile(r"(?:关键|核心|重要)?(?:零部件|零配件|部件|配件|配套)[\u4e00-\u9fff]{0,4}?(?:区|基地|园|带)")
_REDUPLICATIONS = set("常人层个天年处家户步点事时种多渐纷刚仅稳牢紧实镇县")  # 镇镇, 县县: every town; 古镇镇 is a name


# News reprints go on about a place named before: 该区将打造…
# 湖南湘江新区是…。新区重点发展…: a bare zone noun that opens a sentence is the zone named before it.
_ANAPHOR = re.compile(r"该(?P<n>新区|开发区|高新区|园区|区|县|市|镇)|^(?P<b>新区|开发区|园区)(?=[将要重着加聚依以围大积主])")
# Quote marks plans and reprints use, mapped to “” ‘’ one for one so spans stay the same.
_CORNER_QUOTES = (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’"))
_ASCII_QUOTED = re.compile(r"'([^'\n]{1,16})'")


def _canonical_quotes(work: str) -> str:
    """「一核」 and '一核' read like “一核” (the grammar's labels and names are quoted). str.replace per mark:
    str.translate looks every character of a Chinese text up in a dict and is a hundred times slower."""
    for corner, curly in _CORNER_QUOTES:
        work = work.replace(corner, curly)
    return _ASCII_QUOTED.sub(lambda m: "‘" + m.group(1) + "’", work)


def _undouble(sentence: str, index: PlaceIndex) -> str:
    """The sentence with typo doubles collapsed; roles are read from it, quotes from the original. A double that
    begins a place's name is the name (峰峰矿区)."""
    names = {m.start for m in index.find(sentence)}
    return _DOUBLED.sub(lambda m: m.group() if m.group(1) in _REDUPLICATIONS or m.start() in names else m.group(1), sentence)


def _outside_places(found: list[ClusterMention], mentions: list[Mention]) -> list[ClusterMention]:
    """Industry words that are not part of a place's name (航空 in 航空港区, 生物 in 天府国际生物城)."""
    return [c for c in found if not any(m.start < c.end and c.start < m.end for m in mentions)]


def _heading_run(places: tuple[Place, ...]) -> Run:
    return Run(0, 0, places, ((),) * len(places), heading=True)


def _sentence_roles(
    work: str, mentions: list[Mention], scope: Scope[tuple[Place, ...]], clusters: ClusterMatcher
) -> Iterator[tuple[Place, Cluster | None, Found, tuple[str, ...]]]:
    """(place, cluster, role, functions) for every role one sentence gives."""
    if mentions:
        cmentions = _outside_places(clusters.find(work), mentions)
        runs = find_runs(work, mentions, cmentions)
        if scope.place is not None and all(not set(scope.place) & set(r.places) for r in runs) and means_only(work, runs):
            runs = [_heading_run(scope.place), *(r for r in runs if not an_asset(work, r))]  # （二）甲区。以乙园为载体，打造…
    elif scope.place is not None:
        cmentions = clusters.find(work)
        runs = [_heading_run(scope.place)]  # the section's places are the subject
    else:
        return
    topic = Topic(tuple(cmentions), scope.cluster)
    starts = tuple(r.start for r in runs)
    read = []
    stated: dict[int, set[str | None]] = {}  # per run: the clusters of the roles it is given (not its focus)
    anchored: set[int] = set()  # runs whose stated role names the scope's own kind of industry
    earlier: Cluster | None = None  # the one cluster an earlier run's role named (甲区为旅游产业核心区，乙区为拓展区)
    for run, found, funcs in read_runs(work, runs, cmentions):
        where = Where(run.start, runs[0].start, starts, found.start, found.end)
        shared = clusters_for(work, where, found.clusters, topic, clusters)
        bare = len(found.role) <= _BARE_PART_MAX or _PARTS_ROLE.fullmatch(found.role)
        if shared == [None] and earlier is not None and bare and _names_no_industry(work, run.start, found.end, cmentions):
            shared = [earlier]  # a bare layout part (拓展区) in the same sentence is of that industry's layout
        elif len(shared) == 1 and shared[0] is not None and scope.cluster is None:
            earlier = shared[0]
        read.append((run, found, funcs, where, shared))
        if not found.focus:
            stated.setdefault(run.start, set()).update(c.slug if c else None for c in shared)
            if _names_kind(found, cmentions, scope.cluster, clusters):
                anchored.add(run.start)
    focused = {run.start for run, found, _, _, shared in read if found.focus and any(c is not None for c in shared)}
    for run, found, funcs, where, shared in read:
        if not found.focus and shared == [None] and run.start in focused:
            continue  # 甲区做强发制品产业，建设全球发制品产业中心: the role is held in the industry its clause develops, not in none
        for i, (place, specs) in enumerate(zip(run.places, run.specs)):
            if found.place_index is not None and found.place_index != i:
                continue
            own = clusters_for(work, where, specs, topic, clusters) if specs else shared
            for cluster in own:
                if found.focus and ((cluster.slug if cluster else None) in stated.get(run.start, ()) or (
                    run.start in anchored and not _narrower_kin(cluster, scope.cluster, clusters)
                )):
                    continue  # 重点发展功率半导体器件，建设轨道交通关键零部件基地 in a rail plan: parts, not an industry of its own
                yield place, cluster, found, funcs


def _narrower_kin(cluster: Cluster | None, scope: Cluster | None, clusters: ClusterMatcher) -> bool:
    """Whether a cluster is a narrower one of the scope's kind (储能, 氢能 in a 新能源 plan): a place's focus on it
    stands beside a role that names the scope's industry (建设新能源技术创新策源地)."""
    return cluster is not None and scope is not None and clusters.is_narrower(cluster, scope)


def _names_no_industry(work: str, start: int, end: int, mentions: list[ClusterMention]) -> bool:
    """Whether work[start:end] names no industry, known or not (德清县聚焦地理信息产业 names one)."""
    return "产业" not in work[start:end] and not any(start <= m.start < end for m in mentions)


def _of_kind(cluster: Cluster | None, scope: Cluster | None, clusters: ClusterMatcher) -> bool:
    return cluster is None or scope is None or cluster.slug == scope.slug or clusters.related(cluster, scope)


def _names_kind(found: Found, mentions: list[ClusterMention], scope: Cluster | None, clusters: ClusterMatcher) -> bool:
    """Whether a stated role's words name an industry of the scope's kind (轨道交通…基地 under a rail heading)."""
    return scope is not None and any(
        found.start <= m.start and m.end <= found.end and _of_kind(m.cluster, scope, clusters) for m in mentions
    )


def extract_section(text: str, work_text: str, section: Section, index: PlaceIndex, clusters: ClusterMatcher) -> list[Role]:
    """Roles of one plan section. `work_text` is the masked, simplified twin of `text`."""
    records = RoleRecords()
    base = section_cluster(section.cluster, section.title, clusters)
    general = clusters.by_name[GENERAL]

    def add(place: Place, cluster: Cluster | None, found: Found, funcs: tuple[str, ...], start: int, end: int) -> None:
        c = cluster or general
        records.add(place, {
            "city": index.city, "plan_id": section.plan_id, "plan_title": section.title, "cluster": c.name, "cluster_en": c.name_en,
            "role": found.role, "functions": funcs, "quote": text[start:end], "start": start, "end": end,
        })

    columns: Columns | None = None  # the header of the table whose rows follow
    headline = _headline_end(work_text, section)
    lines = scoped_lines(work_text, section.start, section.end, base, clusters, lambda h: _heading_places(h, index), index.may_name)
    for offset, line, scope, may_name in lines:
        if offset < headline:  # a reprint's headline run into its first paragraph names no role
            line, offset = line[headline - offset :], headline
            may_name = index.may_name(line)
        if "；" in line or ";" in line or "|" in line:
            if header := header_of(line, index):
                columns = header
                continue
            mentions = clusters.find(line) if columns is not None else []
            if columns is not None and (rows := read_row(line, columns, index, mentions)) is not None:
                for place, cluster, found in _row_roles(line, rows, Topic(tuple(mentions), scope.cluster), clusters):
                    add(place, cluster, found, (), offset, offset + len(line))
                continue
        columns = None
        if scope.place is None and "该" not in line and not may_name:
            continue  # most lines name no place: one scan, before the slower one for typo doubles
        doubled = bool(_DOUBLED.search(line))
        in_line = index.mentions(line) if may_name and not doubled else []
        if scope.place is None and not doubled and not in_line and "该" not in line:
            continue  # most lines name no place: one pass over the line instead of one per sentence
        named: tuple[int, Place] | None = None  # where this paragraph last named a place, and which
        subject, subject_start = scope, 0  # 长兴岛经济技术开发区。发挥…: a paragraph that opens with a bare place is about it
        label: list[tuple[Place, Cluster | None, Found, tuple[str, ...], int, int]] = []  # “一核”：即甲区。 held for the industries after it
        labelled_in = False  # whether the sentences after the label named an industry it took
        carried: tuple[tuple[Place, ...], int] = ((), 0)  # the places that opened the last sentence, and where it starts
        for s in _SENTENCE.finditer(line):
            a, b = s.span()
            s0, s1 = offset + a, offset + b
            if doubled:
                work = _undouble(work_text[s0:s1], index)
                mentions = index.find(work)
            else:
                work = work_text[s0:s1]
                mentions = [Mention(m.start - a, m.end - a, m.place) for m in in_line if a <= m.start and m.end <= b]
            quote_start = s0 if subject is scope else subject_start
            labelled = bool(mentions) and label_opening(work, mentions[0].start)
            if mentions and (a == 0 or labelled) and _bare(work, mentions, mentions[0].start if labelled else 0):
                subject, subject_start = _about(scope, tuple(dict.fromkeys(m.place for m in mentions))), s0
                if labelled:  # “一核”：即甲区。重点发展X…: the label is the places' role in the industries the sentences after name
                    label = [(p, c, f, fs, s0, s1) for p, c, f, fs in _sentence_roles(work, mentions, subject, clusters)]
                continue
            opening: tuple[Place, ...] = ()
            if mentions:
                named = (s0, mentions[-1].place)
                opening = _opening_places(work, mentions, labelled)
            elif referent := _referent(work, s0, named, index):
                mentions, quote_start = [referent[0]], referent[1]
            elif carried[0] and subject.place is None and _CARRIED_VERB.match(work):
                gave = False
                for place, cluster, found, funcs in _sentence_roles(work, [], _about(subject, carried[0]), clusters):
                    add(place, cluster, found, funcs, carried[1], s1)  # 甲区是全市核心区。重点发展X: the subject goes on
                    gave = True
                carried = carried if gave else ((), s0)
                continue
            carried = (), s0
            if not mentions and subject.place is None:
                continue
            for place, cluster, found, funcs in _sentence_roles(work, mentions, subject, clusters):
                add(place, cluster, found, funcs, quote_start, s1)
                if place in opening:
                    carried = opening, s0  # a layout subject: the places had a role in this sentence
                if scope.label is not None and found.role != scope.label:  # 三、“多园”支撑 / 甲区（X）、乙区（Y）。
                    add(place, cluster, Found(scope.label, found.start, found.end), funcs, quote_start, s1)
                if cluster is not None and subject is not scope:
                    for p, _, f, fs, l0, _ in label:
                        if p == place:
                            add(p, cluster, f, fs, l0, s1)
                            labelled_in = True
        for p, c, f, fs, l0, l1 in label:
            if not labelled_in or (c is None and scope.cluster is None):
                add(p, c, f, fs, l0, l1)  # “南翼”：甲区和乙县。 in a general plan: a part of its layout, whatever the industries after
    return records.roles()


def _opening_places(work: str, mentions: list[Mention], labelled: bool) -> tuple[Place, ...]:
    """The places that open a sentence as its subject (甲区、乙区是… / “一心”即甲区，是…), which a next sentence
    that opens with its verb goes on about; none when the sentence opens with other words (2022年甲区…)."""
    first = mentions[0]
    if first.start > 0 and not labelled:
        return ()
    places = [first.place]
    for prev, m in zip(mentions, mentions[1:]):
        if work[prev.end : m.start] not in _OPENING_JOINS:
            break
        places.append(m.place)
    return tuple(dict.fromkeys(places))


def _bare(work: str, mentions: list[Mention], start: int = 0) -> bool:
    """Whether the sentence from `start` on is only places (长兴岛经济技术开发区。 / 甲区、乙区。 / after a label, “一核”：即甲区。):
    a run-in heading without a number."""
    rest = work[start:]
    for m in reversed(mentions):
        rest = rest[: m.start - start] + rest[m.end - start :]
    return not rest.strip(_BARE_JOINS)


def _about(scope: Scope[tuple[Place, ...]], places: tuple[Place, ...]) -> Scope[tuple[Place, ...]]:
    """The scope with `places` as the place its lines are about."""
    about = copy.copy(scope)
    about.place = places
    return about


def _headline_end(work_text: str, section: Section) -> int:
    """Where the section's own title ends when its text opens with it on the same line as the first paragraph
    (a news page whose furniture line between the two was dropped), else where the section starts."""
    title = simplified("".join(section.title.split()))  # normalisation drops the spaces of a title line
    end = section.start + len(title)
    run_in = title and work_text.startswith(title, section.start) and work_text[end : end + 1] not in ("", "\n")
    return end if run_in else section.start


def _row_roles(line: str, rows: list[Row], topic: Topic, clusters: ClusterMatcher) -> Iterator[tuple[Place, Cluster | None, Found]]:
    """(place, cluster, role) for each place of a table row, its clusters read like a sentence's."""
    for row in rows:
        where = Where(0, 0, (0,), row.found.start, row.found.end)
        for cluster in clusters_for(line, where, row.found.clusters, topic, clusters):
            yield row.place, cluster, row.found


def _referent(work: str, s0: int, named: tuple[int, Place] | None, index: PlaceIndex) -> tuple[Mention, int] | None:
    """该区/该县/该市 in a sentence that names no place: the body named before it in the sentence (龙岗区工信局
    获悉，该区将…), else the place the paragraph named last (光明区……。下一步，该区将…), when the word fits it
    (该区 a district or zone, 该县 a county; a sentence's opening 新区 a new area); with where the quote starts, at the
    sentence that names it."""
    m = _ANAPHOR.search(work)
    if m is None:
        return None
    bodies = index.find(work[: m.start()], organisations=True)
    place, start = (bodies[-1].place, s0) if bodies else (named[1], named[0]) if named else (None, s0)
    if place is None:
        return None
    noun = m.group("n") or m.group("b")
    fits = place.name.endswith(noun) or (noun[-1] == "区" and place.type == "zone")
    return (Mention(m.start(), m.end(), place), start) if fits else None


def _heading_places(heading: str, index: PlaceIndex) -> tuple[Place, ...] | None:
    """The places a heading (simplified text) is about when it opens with them ("滨江区", "滨江区：创新引领区",
    "增城区、从化区") or a label names one ("一核：东湖高新区")."""
    found = index.find(heading)
    if not found:
        return None
    if len(found) == 1:
        m = found[0]
        labelled = heading.endswith(("：", ":"), 0, m.start) and m.end == len(heading.rstrip("。 "))
        return (m.place,) if m.start <= 1 or labelled else None
    joined = found[0].start <= 1 and all(heading[a.end : b.start] in _HEADING_JOINS for a, b in zip(found, found[1:]))
    return tuple(dict.fromkeys(m.place for m in found)) if joined else None


def extract(text: str, sections: list[Section], index: PlaceIndex) -> list[Role]:
    """Roles of every section of one normalized plan text, in text order."""
    work_text = _canonical_quotes(simplified(mask_responsible(text)))
    out: list[Role] = []
    for section in sections:
        out.extend(extract_section(text, work_text, section, index, matcher()))
    return out
