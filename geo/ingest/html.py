"""Web pages -> text: the article's blocks on their own lines; scripts, navigation and page furniture dropped.

Generic, not tuned to one site: elements that are furniture by their tag (nav, header, footer, form …) or by a
class/id word (share, breadcrumb, toolbar …), and short lines that are furniture by their words (来源：…,
责任编辑：…, 打印 关闭窗口, 字号 大 中 小, 首页 > …). The line rules also apply to web pages saved as text.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from geo.ingest.rows import row_line

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "select", "button", "form",
              "iframe", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
           "ul", "ol", "dd", "dt", "dl", "blockquote", "pre", "center", "title", "body", "main"}
# A class or id word that marks furniture: menus, breadcrumbs, share bars, footers, side columns. Words that CSS
# frameworks also use for content (position-relative, d-print-block) are left to the line rules below.
_FURNITURE_ATTR = re.compile(
    r"(?i)(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|toolbar|tools|footer|foot|sidebar|copyright|"
    r"comments?|related|qrcode)(?:$|[\s_-])|share"
)


_DATA_CELL_MAX = 100  # longer cells belong to a table that lays out a page, not to a table of data


class _Text(HTMLParser):
    """Collects text outside furniture elements; block elements break lines, a table row is one line of cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_tag = ""
        self._skip_depth = 0
        self._row: list[str] | None = None  # the cells of the table row being read
        self._cell: int | None = None  # where in `parts` the cell being read began

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_depth:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if tag in _SKIP_TAGS or (marks and _FURNITURE_ATTR.search(marks)):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._end_cell()  # HTML may leave </td> out
            self._cell = len(self.parts)
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skip_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_depth:
            if tag == self._skip_tag:
                self._skip_depth -= 1
            return
        if tag in ("td", "th") and self._cell is not None:
            self._end_cell()
            return
        if tag in ("tr", "table"):
            self._end_row()
        if tag in _BLOCKS:
            self.parts.append("\n")

    def _end_cell(self) -> None:
        if self._row is not None and self._cell is not None:
            self._row.append("".join(self.parts[self._cell :]))
            del self.parts[self._cell :]
        self._cell = None

    def _end_row(self) -> None:
        """The row read so far: one line of cells, like a Word table's row, when it holds data; a row of a
        layout table (a page laid out in a table, the article in one long cell) keeps its text as blocks."""
        self._end_cell()
        row, self._row = self._row, None
        if row is None:
            return
        if len(row) >= 2 and all(len(" ".join(c.split())) <= _DATA_CELL_MAX for c in row):
            self.parts.append("\n" + row_line(row))
        else:
            self.parts.extend("\n" + c for c in row)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Body text of a web page: scripts, styles, navigation and furniture dropped, blocks on their own lines."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


# What a line of furniture opens with: a source (【来源…), a field label and its colon (责任编辑：), a breadcrumb's
# first step (首页 > …). Written as words, so that normalize knows every character such a line can start with.
_SOURCE_BRACKETS = "【["
_SOURCES = ("来源", "信息来源", "文章来源", "稿件来源", "新闻来源")
_LABELS = (
    "责任编辑", "编辑", "作者", "审核", "校对", "摄影", "记者", "通讯员",
    "发布时间", "发布日期", "发布机构", "信息提供日期",
    *(when + what for when in ("", "更新", "成文", "印发") for what in ("时间", "日期")),
    "浏览次数", "浏览量", "阅读次数", "阅读量", "点击数", "点击量", "点击次数", "访问量",
    "字号", "当前位置", "您的位置", "您现在的位置", "所在位置",
)
_HOME_PAGES = ("首页", "主页", "网站首页")
# The first two characters of every line with a ， or 。 that FURNITURE_START matches (a line of symbols has neither).
FURNITURE_PREFIXES = frozenset(
    {b + w[0] for b in _SOURCE_BRACKETS for w in _SOURCES} | {w[:2] for w in (*_SOURCES, *_LABELS, *_HOME_PAGES)}
)
# One pattern, anchored by match(): every line of every plan is tested, and one call costs a third of three.
FURNITURE_START = re.compile(
    rf"[{re.escape(_SOURCE_BRACKETS)}]?(?:{'|'.join(_SOURCES)})"
    rf"|(?:{'|'.join(_LABELS)})[】\]]?[：:]"
    rf"|(?:{'|'.join(_HOME_PAGES)})\s*[>＞»›/|]"
    r"|[|/>·•_=*\s-]+$"  # separators left over from a menu bar
)
_FOOTER = re.compile(
    r"版权所有|ICP备|网站标识码|公网安备|主办单位[：:]|承办单位[：:]|技术支持[：:]|Copyright|©|^本?网站支持IPv6$"
)
# One literal of each _FOOTER alternative: a line _FOOTER matches holds one of them (normalize looks for these).
FOOTER_WORDS = (
    "版权所有", "ICP备", "网站标识码", "公网安备", "主办单位", "承办单位", "技术支持", "Copyright", "©", "网站支持IPv6",
)
FURNITURE_WORDS = re.compile(
    r"打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|分享到|分享|扫一扫|微信|微博|QQ空间|QQ|朋友圈|字号|"
    r"上一篇|下一篇|网站地图|联系我们|无障碍(?:浏览)?|关怀版|移动门户|手机版|智能问答|繁体|简体|English|登录|注册|RSS|"
    r"默认|大|中|小"  # literals only, so the engine scans for their first characters
)
_CONNECTIVE = re.compile(r"[\s|/：:【】\[\]（）()>＞·•-]+")
# Cheap first tests, character classes the regex engine scans fast: a footer has one of these characters, and
# a line of furniture words has at most half its characters outside them.
_FOOTER_CHARS = re.compile(r"[版权ICP网标识公安主承技术Copyright©]")
_OTHER_CHARS = re.compile(
    "[^" + "".join(sorted(set(re.sub(r"[^\w]", "", FURNITURE_WORDS.pattern)))) + r"\s|/：:【】\[\]（）()>＞·•-]"
)


def is_furniture(line: str) -> bool:
    """A short line of page furniture: 来源：…, 责任编辑：…, a breadcrumb, a footer, 打印 关闭 字号 大 中 小."""
    if len(line) > 120:
        return False
    if FURNITURE_START.match(line):
        return True
    if "，" in line or "。" in line:  # cheap exit for the body text lines of a plan
        return False
    if _FOOTER_CHARS.search(line) and _FOOTER.search(line):
        return True
    if len(line) > 60:
        return False
    words = FURNITURE_WORDS.findall(line)
    if len(words) < 2 or len(_OTHER_CHARS.findall(line)) * 2 > len(line):  # words first: few lines have two
        return False
    rest = _CONNECTIVE.sub("", FURNITURE_WORDS.sub("", line))
    return len(rest) <= len("".join(words))
