"""The cluster taxonomy (data/clusters.csv): names plans use, aliases, parents, slugs and English names.

One row per cluster. `level` is `field` for the nine fields of the national strategic emerging
industries classification (国家战略性新兴产业分类 2018), `cluster` for the clusters plans name, and
`general` for the `*` of plans that lay out no single cluster. `parent` is the slug of the broader
cluster, so a national view can gather a city's clusters under one field. `aliases` are other names
plans use (医药 for 生物医药); `qualified_aliases` name the cluster only before an industry word (电子产业,
健康产业: a bare 健康 or 电子 is an ordinary word), a word of making or processing (家电零部件, 玉米深加工) or, four
characters or longer, as a whole list item (高端装备、新材料). `heads` are the words that, ending the name of an
industry the taxonomy does not list (白茶, 蚕桑丝绸, 超硬材料), file it under the cluster: plans name products far
more often than clusters, and a national view must still gather a county's 白茶 with another's 六堡茶 under 食品.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo import paths
from geo.reference.trie import trie_pattern, two_char_guard
from geo.slotted import slot_init


@dataclass(frozen=True)
class Cluster:
    name: str
    slug: str
    name_en: str
    parent: str = ""
    aliases: tuple[str, ...] = ()
    level: str = "cluster"
    qualified_aliases: tuple[str, ...] = ()
    source: str = ""
    heads: tuple[str, ...] = ()


def load_clusters(path: Path = paths.CLUSTERS) -> list[Cluster]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Cluster(
                r["cluster"], r["slug"], r["cluster_en"], r.get("parent") or "",
                _split(r.get("aliases")), r.get("level") or "cluster", _split(r.get("qualified_aliases")), r.get("source") or "",
                _split(r.get("heads")),
            )
            for r in csv.DictReader(f)
        ]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a for a in (cell or "").split("|") if a)


def lineage(slug: str, clusters: list[Cluster]) -> list[str]:
    """The slug and its ancestors' slugs, nearest first (a national view of a field includes its clusters)."""
    by_slug = {c.slug: c for c in clusters}
    out: list[str] = []
    while slug in by_slug and slug not in out:
        out.append(slug)
        slug = by_slug[slug].parent
    return out


def fallback_slug(name: str) -> str:
    """A stable ASCII slug for a cluster that clusters.csv does not list yet."""
    return "cluster-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def unlisted_cluster(name: str) -> Cluster:
    """A cluster the taxonomy lacks, named for itself (吉他制造, 泵阀), with its stable fallback slug."""
    return Cluster(name, fallback_slug(name), "")


# Words that end an industry's name after its product (苹果种植, 铝镁精深加工, 锂资源综合利用, 肉制品, 鞋业): the
# product, not the activity, says which cluster it is.
_ACTIVITY_TAIL = re.compile(r"(?:种植|养殖|良种繁育|繁育|采选|开采|勘探|洗选|转化|分离|精深加工|深加工|后加工|初加工|加工|生产|制造|制品|产品|资源|原材料|原料|配套|配件|零部件|及应用|应用|综合利用|利用|开发|冶炼|研发|全产业链|产业链|产业|行业|业)+$")


_AMOUNT = re.compile(r"(?:[0-9]+|[一二三四五六七八九十两]+)?[千百万]+亿(?:元|级)?|[0-9]+亿元?")
_PUBLIC = re.compile(r"(?:公共|政务|便民|社会|基本|民生|城市)服务$")


INDUSTRY_WORD = r"(?:产业集群|产业链|产业|集群|行业|领域|经济)"
_INDUSTRY = re.compile(INDUSTRY_WORD)
# Words after a product that make it an industry: its making, its parts, processing it (肉鸡加工, 生猪屠宰) or its
# industry (铝工业园).
_MAKING = re.compile(r"制造|零部件|精深加工|深加工|加工|屠宰|工业|科技|服务")


_ITEM_BEFORE = "：:、，,（(“和及与—|"  # | opens and ends a table's cell
_ITEM_AFTER = "、，,。；;和及与）)”|"


# Verbs a list of industries follows (重点发展高端装备和生物医药): the first item starts right after them.
_ITEM_VERBS = ("发展", "布局", "聚焦", "培育", "壮大", "做强", "主攻", "承接", "侧重", "深耕", "引育", "发力", "突出", "打造", "围绕")


_ITEM_LEADS = ("高端", "精细", "绿色", "现代", "先进", "新型", "特色", "智能", "优势")


def _whole_item(text: str, start: int, end: int) -> bool:
    """A qualified alias of four or more characters that is a whole list item (章丘区：高端装备、新材料;
    重点发展高端装备和生物医药), or a short one after a describing word (高端化工), names its industry without 产业;
    a short one alone (健康, 金融) needs the industry word."""
    if text.endswith(_ITEM_LEADS, 0, start):
        start -= 2  # 高端化工, 精细化工: a describing word and the short name make one item
    starts_item = start == 0 or text[start - 1] in _ITEM_BEFORE or text.endswith(_ITEM_VERBS, 0, start)
    return end - start >= 4 and starts_item and (end == len(text) or text[end] in _ITEM_AFTER)


_SHARED_HEAD_JOIN = "及和与"
_SHARED_HEAD_SIZES = (2, 3)  # 汽车, 机器人: the head words one name lends the name before it


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class ClusterMention:
    start: int
    end: int  # after a following 产业/集群 word, so a mention covers 集成电路产业
    cluster: Cluster


class ClusterMatcher:
    """Finds the clusters a text names, longest name first, each resolved to its taxonomy row."""

    def __init__(self, clusters: list[Cluster]):
        self.clusters = clusters
        self.by_name = {c.name: c for c in clusters}
        self.by_slug = {c.slug: c for c in clusters}
        self._lineages = {c.slug: lineage(c.slug, clusters) for c in clusters}  # asked for every heading and role
        for c in clusters:  # 新能源汽车 and 智能网联汽车 are kinds of 汽车, whatever field the national list files them in
            own = self._lineages[c.slug]
            kin = [k.slug for k in clusters if k.level == "cluster" and k.name != c.name and c.name.endswith(k.name) and k.slug not in own]
            self._lineages[c.slug] = own + [s for k in kin for s in self._lineages[k] if s not in own]
        plain: dict[str, Cluster] = {}
        qualified: dict[str, Cluster] = {}
        for c in clusters:
            if c.level == "general":
                continue
            for form in (c.name, *c.aliases):
                if form not in c.qualified_aliases:
                    plain.setdefault(form, c)
            for form in c.qualified_aliases:
                qualified.setdefault(form, c)
        self._forms = {**qualified, **plain}
        self._heads = {h: c for c in clusters for h in c.heads}
        self._head_max = max(map(len, self._heads), default=0)
        self._qualified_only = set(qualified) - set(plain)
        # ~160 first characters, many of them common (新, 工, 能): the guard rejects most of their positions
        self._pattern = re.compile(two_char_guard(self._forms) + "(?P<name>" + trie_pattern(self._forms) + ")(?P<tail>(?:产业)?(?:集群)?)")

    def find(self, text: str) -> list[ClusterMention]:
        """Cluster mentions in simplified text, left to right, not overlapping; a qualified alias counts
        only before an industry word (健康产业, not 健康发展)."""
        out = []
        for m in self._pattern.finditer(text):
            name = m.group("name")
            if (
                name in self._qualified_only and not _INDUSTRY.match(text, m.end("name")) and not _MAKING.match(text, m.end("name"))
                and not _whole_item(text, m.start(), m.end("name"))
            ):  # 通信设备制造, 家电零部件, 玉米深加工: making or processing it is the industry
                continue
            out.append(ClusterMention(m.start(), m.end(), self._forms[name]))
        if len(out) > 1:
            self._share_heads(text, out)
        return out

    def _share_heads(self, text: str, out: list[ClusterMention]) -> None:
        """新能源及智能网联汽车: a name joined by a conjunction to a name that ends in a head word takes that head
        (新能源汽车) when the two make a taxonomy name; 新能源及新能源汽车 lists two industries, the second holds the first."""
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if a.end != b.start - 1 or text[a.end] not in _SHARED_HEAD_JOIN:
                continue
            first, second = text[a.start : a.end], text[b.start : b.end].removesuffix("集群").removesuffix("产业")
            if second.startswith(first):
                continue
            for size in _SHARED_HEAD_SIZES:
                joined = self._forms.get(first + second[-size:])
                if joined is not None and joined.slug != b.cluster.slug:
                    out[i] = ClusterMention(a.start, a.end, joined)
                    break

    def file(self, name: str) -> Cluster:
        """The cluster of an industry the taxonomy does not name: the one its longest head word files it under (白茶 →
        食品 by 茶; 耐火材料 → 建材, not 新材料, by 耐火材料), after the words of activity (苹果种植, 锂资源综合利用); else
        a cluster named for itself (吉他制造)."""
        name = _AMOUNT.sub("", name) or name  # 碳酸钙千亿元产业: the industry, not its target
        return self.filed(name) or unlisted_cluster(name)

    def filed(self, name: str) -> Cluster | None:
        """The taxonomy cluster `file` finds by a head word, or None when no head word ends the name."""
        stem = _ACTIVITY_TAIL.sub("", name) or name
        if _PUBLIC.search(stem):
            return None  # 公共服务, 政务服务: what a government provides, no industry
        for i in range(max(0, len(stem) - self._head_max), len(stem)):
            if (c := self._heads.get(stem[i:])) is not None:
                return c
        return None

    def filed_alone(self, name: str) -> Cluster | None:
        """`filed`, unless the name also holds a word of another cluster, qualified or not: 海洋渔业 is 海洋's and
        光电缆 光电子's, whatever their head words say; 跨境物流 holds only its own cluster's word."""
        filed = self.filed(name)
        if filed is None or any(self._forms[m.group("name")].slug != filed.slug for m in self._pattern.finditer(name)):
            return None
        return filed

    def pattern_for_names(self) -> re.Pattern[str]:
        """Matches text that begins with a cluster name (生物医药产业园 is named by an industry)."""
        return self._pattern

    def resolve(self, name: str) -> Cluster | None:
        """The taxonomy row for a cluster name as a title gives it (生物医药产业 → 生物医药), if any."""
        if name in self.by_name:
            return self.by_name[name]
        name = re.sub(f"{INDUSTRY_WORD}$", "", name) or name
        if name in self.by_name:
            return self.by_name[name]
        if name in self._forms:
            return self._forms[name]
        mentions = self.find(name)
        if len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(name) - 2:
            return mentions[0].cluster
        return None

    def narrower(self, a: Cluster, b: Cluster) -> Cluster:
        """Of two clusters, the one whose lineage includes the other (智能终端 over 电子信息); else `a`."""
        return b if a.slug in self._lineage(b.slug) else a

    def is_narrower(self, a: Cluster, b: Cluster) -> bool:
        """Whether `a` is a narrower cluster of `b`'s kind (集成电路 of 电子信息, 新能源汽车 of 汽车)."""
        return a.slug != b.slug and b.slug in self._lineage(a.slug)

    def related(self, a: Cluster, b: Cluster) -> bool:
        """Whether one cluster is the other or an ancestor of it (电子信息 and 智能终端)."""
        return a.slug in self._lineage(b.slug) or b.slug in self._lineage(a.slug)

    def _lineage(self, slug: str) -> list[str]:
        """`lineage` over this matcher's clusters, computed once per slug; a slug the taxonomy lacks has none."""
        return self._lineages.get(slug, [])


def only_activity(name: str) -> bool:
    """Whether a name says only what is done, to no product (分离冶炼, 精深加工): an item of a list, no industry."""
    return not _ACTIVITY_TAIL.sub("", name)


def industry_cluster(name: str) -> Cluster:
    """`ClusterMatcher.file` over data/clusters.csv: the cluster of an industry a plan names that the taxonomy does
    not list by name."""
    return matcher().file(name)


@lru_cache(maxsize=1)
def matcher() -> ClusterMatcher:
    """The matcher over data/clusters.csv, built once per process."""
    return ClusterMatcher(load_clusters())
