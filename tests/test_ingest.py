"""Ingestion: every published format and encoding gives the roles of the plain text; PDF, web and e-paper noise
is normalised away; files that cannot be read are one clear error line.

The Shenzhen smart-terminal plan (product input in data/plans) is compared across formats by its roles, so the
tests stay valid while the role grammar changes. Other texts are written for these tests in the style of plans.
"""
from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest

from geo import paths
from geo.extract.roles import Role
from geo.ingest.normalize import normalize
from geo.ingest.read import MAX_BYTES, IngestError, read_plan_text
from geo.pipeline import corpus_meta, extract_file, extract_text
from geo.reference.gazetteer import closest_cities, resolve_city

PLAN = paths.PLANS_DIR / "shenzhen-smart-terminal-plan-2022.txt"
TITLE = "深圳市培育发展智能终端产业集群行动计划（2022-2025年）"
RUNNING_HEADER = "智能终端产业集群行动计划（试行稿）"
# Written for these tests in the style of a plan's layout section.
LAYOUT = (
    "深圳市培育发展超高清视频显示产业集群行动计划\n"
    "一、空间布局\n"
    "推动全市超高清视频显示产业错位发展，将光明区打造为新型显示材料创新集聚区，坪山区打造为显示模组高端制造基地，"
    "龙岗区打造为超高清终端应用示范区。\n"
    "二、保障措施\n"
    "加强统筹协调，建立重点项目库。\n"
)
LAYOUT_ROLES = {
    ("光明区", "新型显示材料创新集聚区"),
    ("坪山区", "显示模组高端制造基地"),
    ("龙岗区", "超高清终端应用示范区"),
}


def role_set(rs: list[Role]) -> set[tuple[str, str, str, tuple[str, ...], str]]:
    """What a plan says about each district; spans may differ between formats, roles must not."""
    return {(r.district, r.role, r.cluster, r.functions, r.via) for r in rs}


def plan_roles(path: Path) -> set[tuple[str, str, str, tuple[str, ...], str]]:
    """Roles of a copy of the Shenzhen plan, read with the corpus metadata of its .txt (title, city)."""
    return role_set(extract_file(path, meta=corpus_meta(PLAN))[1])


@pytest.fixture(scope="module")
def txt_roles() -> set[tuple[str, str, str, tuple[str, ...], str]]:
    roles = plan_roles(PLAN)
    assert len(roles) >= 5, "the comparison needs a plan with roles"
    return roles


def layout_roles(path: Path) -> set[tuple[str, str]]:
    return {(r.district, r.role) for r in extract_file(path, city="深圳市")[1]}


def make_pdf(browser, path: Path, lines: list[str], header: str = RUNNING_HEADER, page_numbers: bool = True) -> Path:
    """A PDF of the lines as Chromium prints it: a running header and (optionally) a page number on every page."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    page = browser.new_page()
    try:
        page.set_content(
            "<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:15px;"
            f"line-height:1.8}}</style></head><body>{body}</body></html>"
        )
        page.pdf(
            path=str(path), format="A4", display_header_footer=True,
            header_template=f"<div style='font-size:9px;width:100%;text-align:center'>{html.escape(header)}</div>",
            footer_template="<div style='font-size:9px;width:100%;text-align:center'>- <span class='pageNumber'></span> -</div>"
            if page_numbers else "<span></span>",
            margin={"top": "70px", "bottom": "70px", "left": "60px", "right": "60px"},
        )
    finally:
        page.close()
    return path


def make_docx(path: Path, lines: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for i, line in enumerate(lines):
        document.add_paragraph(line)
        if table and i == 0:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    document.save(str(path))
    return path


# --- the Shenzhen plan in every format gives the roles of its .txt ------------------------------------------


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_encodings_give_the_roles_of_the_txt(tmp_path, txt_roles, encoding, bom):
    # The name says nothing about the encoding: it is detected from the bytes.
    copy = tmp_path / "plan.txt"
    copy.write_bytes(bom + PLAN.read_text(encoding="utf-8").encode(encoding))
    assert plan_roles(copy) == txt_roles
    assert read_plan_text(copy) == read_plan_text(PLAN)


def test_docx_gives_the_roles_of_the_txt(tmp_path, txt_roles):
    copy = make_docx(tmp_path / "plan.docx", PLAN.read_text(encoding="utf-8").splitlines())
    assert plan_roles(copy) == txt_roles


def test_pdf_gives_the_roles_of_the_txt(tmp_path, browser, txt_roles):
    pdf = make_pdf(browser, tmp_path / "plan.pdf", PLAN.read_text(encoding="utf-8").splitlines())
    text = read_plan_text(pdf)
    assert plan_roles(pdf) == txt_roles
    # Chromium's text layer has Kangxi radicals for ordinary characters (⼯, ⾏); none survive normalization.
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    assert RUNNING_HEADER not in text and "- 2 -" not in text


def test_format_is_detected_by_content_not_name(tmp_path, txt_roles):
    # A Word file and a GB18030 web page saved under misleading names.
    docx_copy = make_docx(tmp_path / "plan.txt", PLAN.read_text(encoding="utf-8").splitlines())
    assert plan_roles(docx_copy) == txt_roles
    page = tmp_path / "page.txt"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in LAYOUT.splitlines())
    page.write_bytes(f"<!DOCTYPE html><html><head><meta charset='gbk'></head><body>{body}</body></html>".encode("gb18030"))
    assert layout_roles(page) == LAYOUT_ROLES
    assert "<p>" not in read_plan_text(page)


# --- PDF ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_numbers", [True, False], ids=["numbered", "page-breaks-only"])
def test_pdf_headers_page_numbers_and_line_breaks(tmp_path, browser, page_numbers):
    # Long paragraphs so that sentences wrap and cross page breaks; without page numbers, the page breaks of the
    # text layer are what tells a running header from a line of text.
    filler = "围绕新型显示产业链关键环节，支持企业开展关键材料、核心装备和工艺技术联合攻关，提升产业链供应链韧性和安全水平。" * 6
    lines = [LAYOUT.splitlines()[0], *([filler] * 8), *LAYOUT.splitlines()[1:], *([filler] * 8)]
    pdf = make_pdf(browser, tmp_path / "layout.pdf", lines, header="超高清视频显示产业集群行动计划", page_numbers=page_numbers)
    text = read_plan_text(pdf)
    assert layout_roles(pdf) == LAYOUT_ROLES
    assert text.count("超高清视频显示产业集群行动计划") == 1, "the running header is gone, the title stays"
    assert not any(line.strip("- ").isdigit() for line in text.splitlines()), "page numbers dropped"
    assert text.count(filler) == 16, "paragraphs broken by lines and pages are whole again"


def image_only_pdf(browser, path: Path, markup: str) -> Path:
    """A PDF whose pages carry only a picture, as a scan without OCR does."""
    page = browser.new_page()
    page.set_content(markup)
    page.pdf(path=str(path))
    page.close()
    return path


def test_scanned_pdf_without_text_layer_is_an_error(tmp_path, browser):
    pdf = image_only_pdf(browser, tmp_path / "scan.pdf", "<div style='width:400px;height:300px;background:linear-gradient(#333,#ccc)'></div>")
    with pytest.raises(IngestError, match="no text layer"):
        read_plan_text(pdf)


# --- Word ----------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path):
    lines = LAYOUT.splitlines()
    table = [["区", "功能定位"], ["罗湖区", "显示技术研发设计集聚区"]]
    text = read_plan_text(make_docx(tmp_path / "t.docx", lines, table))
    out = text.splitlines()
    assert out[0] == lines[0] and out[1] == "区；功能定位。" and out[2] == "罗湖区；显示技术研发设计集聚区。"
    assert out[3] == "一、空间布局"


def test_a_positioning_table_in_word_gives_each_row_its_role_and_industries(tmp_path):
    lines = ["某市制造业空间布局规划", "一、各区功能定位", "各区分工如下。"]
    table = [["区县", "主导产业", "功能定位"], ["江北区", "数字经济、金融", "数字经济创新示范区"], ["渝北区、巴南区", "汽车、电子信息", "智能制造核心区"]]
    _, rs = extract_file(make_docx(tmp_path / "t.docx", lines, table), city="重庆市")
    assert {(r.district, r.cluster, r.role) for r in rs} == {
        ("江北区", "数字经济", "数字经济创新示范区"),
        ("江北区", "金融科技", "数字经济创新示范区"),  # 金融, beside a known industry in the cell, is filed by its head word
        ("渝北区", "汽车", "智能制造核心区"), ("渝北区", "电子信息", "智能制造核心区"),
        ("巴南区", "汽车", "智能制造核心区"), ("巴南区", "电子信息", "智能制造核心区"),
    }
    row = next(r for r in rs if r.district == "江北区")
    assert row.quote == "江北区；数字经济、金融；数字经济创新示范区。"
    # the same table on a web page (one row per line, like Word's), with an empty cell and a </td> left out
    page = tmp_path / "t.html"
    page.write_text(
        "<html><body><h1>某市制造业空间布局规划</h1><p>一、各区功能定位</p><table>"
        "<tr><th>区县</th><th>主导产业</th><th>功能定位</th></tr>"
        "<tr><td><p>江北区</p><td>数字经济、<br>金融</td><td>数字经济创新示范区</td></tr>"
        "<tr><td>巴南区</td><td></td><td>生物医药产业基地</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert "江北区；数字经济、金融；数字经济创新示范区。\n巴南区；；生物医药产业基地。" in read_plan_text(page)
    _, rs = extract_file(page, city="重庆市")
    assert {(r.district, r.cluster, r.role) for r in rs} == {
        ("江北区", "数字经济", "数字经济创新示范区"), ("江北区", "金融科技", "数字经济创新示范区"), ("巴南区", "生物医药", "生物医药产业基地"),
    }
    # a page laid out in a table keeps its paragraphs and headings; a data table inside it is still read by row
    layout = tmp_path / "layout.html"
    article = "<p>一、各区功能定位</p><p>" + "南山区打造智能终端产业集聚区。" * 8 + "</p>"
    inner = "<table><tr><td>区县</td><td>功能定位</td></tr><tr><td>福田区</td><td>金融科技创新中心</td></tr></table>"
    layout.write_text(f"<table><tr><td>栏目</td><td>{article}{inner}<p>二、保障措施</p></td></tr></table>", encoding="utf-8")
    lines = read_plan_text(layout).splitlines()
    assert "一、各区功能定位" in lines and "二、保障措施" in lines and "福田区；金融科技创新中心。" in lines
    # a table with no role column gives each place its industries
    table = [["区域", "重点产业"], ["两江新区", "汽车、新型显示"]]
    _, rs = extract_file(make_docx(tmp_path / "u.docx", lines, table), city="重庆市")
    assert {(r.district, r.cluster, r.role) for r in rs if r.via == "direct"} == {
        ("两江新区", "汽车", "汽车、新型显示"), ("两江新区", "新型显示", "汽车、新型显示"),
    }


# --- characters ----------------------------------------------------------------------------------------------


def test_kangxi_radicals_and_compatibility_ideographs_become_ordinary_characters():
    # ⼯ ⾏ ⾼ (Kangxi radicals), ⺠ ⻓ ⻔ (CJK Radicals Supplement), 﨑-style compatibility forms (U+F9xx)
    raw = "将坪⼭区打造为⾼端制造集聚区，推动⺠营企业⻓期发展，建设⼯业互联⽹⻔户。"
    text = normalize(raw)
    assert text == "将坪山区打造为高端制造集聚区，推动民营企业长期发展，建设工业互联网门户。\n"
    assert normalize("\uf900\ufa10") == "豈塚\n"
    _, rs = extract_text(text, "t", TITLE, "深圳市")
    assert {(r.district, r.role) for r in rs} == {("坪山区", "高端制造集聚区")}


def test_pinyin_glosses_dropped_ordinary_brackets_kept():
    raw = "將福田區(qū)打造為(wéi)品牌運營集聚區，發(fā)展人工智能(AI)終端，到(2025)年建成5G(NR)網絡。"
    text = normalize(raw)
    assert "qū" not in text and "wéi" not in text and "fā" not in text
    assert "(AI)" in text or "（AI）" in text
    assert "2025" in text and "NR" in text
    _, rs = extract_text(text, "t", TITLE, "深圳市")
    assert {(r.district, r.role) for r in rs} == {("福田区", "品牌运营集聚区")}


def test_e_paper_headings_run_together_start_new_lines():
    raw = "一、总体要求坚持错位发展。二、空间布局（一）东部片区。将坪山区打造为高端制造集聚区！（二）西部片区。将宝安区打造为智能制造集聚区。第三章保障措施"
    assert normalize(raw).splitlines() == [
        "一、总体要求坚持错位发展。",
        "二、空间布局（一）东部片区。将坪山区打造为高端制造集聚区！",
        "（二）西部片区。将宝安区打造为智能制造集聚区。",
        "第三章保障措施",
    ]
    # a list inside a sentence stays one paragraph
    assert len(normalize("重点发展以下领域：一、新型显示；二、超高清终端。").splitlines()) == 1


# --- web pages -----------------------------------------------------------------------------------------------

FURNITURE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<script>document.write('南山区打造为脚本集聚区')</script></head><body>
<div class="top-nav"><a href="/">首页</a> | <a>政务公开</a> | <a>宝安区打造为导航集聚区</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2026-03-02 来源：市工业和信息化局 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="content position-relative d-print-block">{body}</div>
<ul class="related-links"><li>龙华区打造为推荐阅读集聚区</li></ul>
<div class="share-panel"><span>宝安区打造为转发集聚区</span></div>
<p>责任编辑：李明</p>
<p>【打印本页】 【关闭窗口】</p>
</div>
<div id="footer">主办单位：市工业和信息化局 版权所有 粤ICP备00000000号</div>
</body></html>"""


def test_web_page_furniture_is_dropped(tmp_path):
    lines = LAYOUT.splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    page = tmp_path / "plan.html"
    page.write_text(FURNITURE_PAGE.format(title=lines[0], body=body), encoding="utf-8")
    text = read_plan_text(page)
    for furniture in ("首页", "当前位置", "发布时间", "来源", "字号", "分享", "微信", "责任编辑", "打印", "关闭窗口",
                      "版权所有", "ICP", "脚本", "导航", "推荐阅读", "转发"):
        assert furniture not in text, furniture
    assert text.splitlines()[0] == lines[0]
    assert "加强统筹协调，建立重点项目库。" in text
    assert layout_roles(page) == LAYOUT_ROLES


def test_web_reprint_saved_as_text_loses_its_furniture():
    raw = "来源：市发展改革委\n发布时间：2026-01-05\n" + LAYOUT + "责任编辑：王芳\n打印 | 关闭窗口\n"
    text = normalize(raw)
    assert text.startswith("深圳市培育发展超高清视频显示产业集群行动计划\n")
    assert "责任编辑" not in text and "关闭窗口" not in text and "来源" not in text


def test_traditional_reprint_keeps_its_title_cluster_and_loses_its_furniture(tmp_path):
    """A mirror site's traditional-character reprint (written for this test): the furniture lines, the pinyin gloss
    and the title are recognised in traditional form, and the title's cluster scopes the roles."""
    page = tmp_path / "reprint.html"
    page.write_text(
        "<html><head><title>廣州市智能網聯汽車產業發展規劃</title></head><body><div class='share'>分享到：微信</div>"
        "<p>來源：某某網　發布時間：2026-06-01</p><p>二、空間佈局</p>"
        "<p>以番禺區、南沙區為核心區(qū)，黃埔區為重要承載區。</p><p>廣州開發區重點發展自動駕駛、車聯網。</p>"
        "<p>責任編輯：某某</p></body></html>",
        encoding="utf-8",
    )
    text = read_plan_text(page)
    assert text.splitlines()[0] == "廣州市智能網聯汽車產業發展規劃"
    assert "來源" not in text and "責任編輯" not in text and "(qū)" not in text
    _, rs = extract_file(page)
    assert {(r.district, r.cluster, r.role) for r in rs} == {
        ("番禺区", "智能网联汽车", "核心区"),
        ("南沙区", "智能网联汽车", "核心区"),
        ("黄埔区", "智能网联汽车", "重要承载区"),
        ("广州开发区", "智能网联汽车", "重点发展自动驾驶、车联网"),
    }


# --- errors: one line, which file and why, exit 2, no traceback ------------------------------------------------


def run_extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", "extract", *args], capture_output=True, text=True, cwd=paths.ROOT)


def assert_one_error_line(run: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in run.stderr, run.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_cli_scanned_pdf(tmp_path, browser):
    pdf = image_only_pdf(browser, tmp_path / "scanned-plan.pdf", "<svg width='400' height='300'><rect width='400' height='300' fill='#555'/></svg>")
    assert_one_error_line(run_extract(str(pdf)), str(pdf), "no text layer (scanned?)")


@pytest.mark.parametrize("kind,reason", [
    ("binary", "binary file"),
    ("missing", "no such file"),
    ("directory", "is a directory"),
    ("zip", "not a Word document"),
    ("empty", "empty file"),
    ("too-large", "too large"),
])
def test_cli_unreadable_files(tmp_path, kind, reason):
    path = tmp_path / f"{kind}-plan.txt"
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "directory":
        path.mkdir()
    elif kind == "zip":
        import zipfile

        with zipfile.ZipFile(path, "w") as z:
            z.writestr("plan.txt", LAYOUT)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "too-large":
        with path.open("wb") as f:  # sparse: no disk is used
            f.truncate(MAX_BYTES + 1)
    assert_one_error_line(run_extract(str(path)), str(path), reason)


def test_cli_reads_every_file_format(tmp_path):
    page = tmp_path / "plan.htm"
    page.write_bytes(("<html><body><p>" + "</p><p>".join(LAYOUT.splitlines()) + "</p></body></html>").encode("gb18030"))
    run = run_extract(str(page), "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "新型显示材料创新集聚区" in run.stdout


def test_cli_unknown_city_suggests_the_closest(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(LAYOUT, encoding="utf-8")
    assert_one_error_line(run_extract(str(plan), "--city", "深川市"), "深川市", "深圳市")
    ok = run_extract(str(plan), "--city", "深圳")
    assert ok.returncode == 0 and "光明区" in ok.stdout


def test_several_files_in_worker_processes_give_what_one_process_gives(tmp_path):
    plans = sorted(str(p) for p in paths.PLANS_DIR.glob("*.txt"))
    one = run_extract(*plans, "--jobs", "1", "--format", "json")
    many = run_extract(*plans, "--jobs", "2", "--format", "json")
    assert one.returncode == many.returncode == 0, many.stderr
    assert many.stdout == one.stdout and len(one.stdout) > 10_000
    # a file that cannot be read, in the middle of a batch: one error line naming it, exit 2, in the pool too
    bad = tmp_path / "binary-plan.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    assert_one_error_line(run_extract(plans[0], str(bad), plans[1], "--jobs", "2"), str(bad), "binary file")


def test_closest_cities_and_resolve_city():
    assert resolve_city("深圳") == "深圳市" and resolve_city("深圳市") == "深圳市" and resolve_city("深川市") is None
    assert closest_cities("深川市")[0] == "深圳市"
    assert closest_cities("杭洲")[0] == "杭州市"
    assert closest_cities("") == []


def test_reading_a_large_plan_takes_little_more_memory_than_its_text(tmp_path):
    """Peak Python allocations while reading a 4 MB plan stay under 3x the file (issue 8: whole-text copies and
    lists of short lines made it 30x). tracemalloc counts exactly what Python allocates, so this is deterministic."""
    import tracemalloc

    chunk = (paths.PLANS_DIR / "shenzhen-20-8-clusters-2022.txt").read_bytes()
    big = tmp_path / "large.txt"
    big.write_bytes(chunk * (4_000_000 // len(chunk)))
    read_plan_text(PLAN)  # tables and patterns built outside the measurement
    tracemalloc.start()
    try:
        text = read_plan_text(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text.count("\n") > 5_000
    assert peak < 3 * big.stat().st_size, f"{peak / big.stat().st_size:.1f}x"
