"""Role extraction: one test per pattern on real corpus sentences, negatives, and whole-plan expectations."""
from __future__ import annotations

import subprocess
import sys

import pytest

from geo import paths
from geo.extract import roles
from geo.ingest.normalize import normalize, simplified
from geo.ingest.plans import write_entries
from geo.pipeline import build_corpus, extract_file, extract_text

TITLE = "深圳市培育发展智能机器人产业集群行动计划（2022-2025年）"


def found(sentence: str, city: str = "深圳市", title: str = TITLE, is_html: bool = False) -> set[tuple[str, str]]:
    text = normalize(sentence, is_html=is_html)
    _, rs = extract_text(text, "t", title, city)
    return {(r.district, r.role) for r in rs}


def records(sentence: str, city: str = "深圳市"):
    return extract_text(normalize(sentence), "t", TITLE, city)[1]


def test_dingwei_wei_with_shared_suffix():
    # X区定位为…; 南山和福田区 shares one 区 between two districts.
    assert found("南山和福田区定位为设计企业集聚区，重点突破高端芯片设计，巩固深圳在集成电路设计领域的优势。") == {
        ("南山区", "设计企业集聚区"),
        ("福田区", "设计企业集聚区"),
    }


def test_jiang_x_dazao_wei_several_in_one_sentence():
    s = "推动市域内“研发+高端制造”跨区协同，将福田区打造为品牌运营+生态集聚区，南山区打造为源头创新+高端制造区，宝安区、龙华区打造为智能制造+泛终端集聚区。"
    assert found(s) == {
        ("福田区", "品牌运营+生态集聚区"),
        ("南山区", "源头创新+高端制造区"),
        ("宝安区", "智能制造+泛终端集聚区"),
        ("龙华区", "智能制造+泛终端集聚区"),
    }


def test_x_zhongdian_then_dazao_in_later_clause():
    s = "南山区重点推动编解码技术研发、标准检测公共服务能力建设，打造超高清视频显示技术研发先锋区。"
    assert found(s) == {("南山区", "超高清视频显示技术研发先锋区")}


def test_yi_x_wei_hexin_chengzaiqu():
    s = "以宝安区为核心承载区，汇集激光与增材制造产业链重点企业，打造覆盖全产业链条的集聚区。"
    assert found(s) == {("宝安区", "核心承载区")}


def test_functions_for_several_districts_at_once():
    s = "在福田区、南山区、前海布局研发设计环节，在宝安区、深汕特别合作区布局研发设计和生产制造环节。"
    rs = records(s)
    by = {(r.district, r.via): r for r in rs}
    assert by[("福田区", "direct")].functions == ("研发设计",)
    assert by[("前海", "direct")].functions == ("研发设计",)
    assert by[("深汕特别合作区", "direct")].functions == ("研发设计", "生产制造")
    assert by[("宝安区", "direct")].role == "研发设计和生产制造环节"
    # 前海's role reaches its hosts; 南山区 already has it directly, 宝安区 has a different one.
    assert by[("宝安区", "前海")].role == "研发设计环节"
    assert ("南山区", "前海") not in by


def test_listing_with_zone_gives_jijuqu():
    s = "重点发展工业机器人、服务机器人、特种机器人、无人机（船）等领域，依托福田、南山、宝安、深汕等区及前海建设集聚区，打造智能机器人产业技术创新、高端制造、集成应用示范区。"
    assert found(s) == {
        ("福田区", "集聚区"), ("南山区", "集聚区"), ("宝安区", "集聚区"), ("深汕特别合作区", "集聚区"), ("前海", "集聚区"),
    }


def test_zone_in_brackets_after_district():
    assert found("南山区（前海）打造工业设计和科技时尚集聚地。") == {
        ("南山区", "工业设计和科技时尚集聚地"),
        ("前海", "工业设计和科技时尚集聚地"),
        ("宝安区", "工业设计和科技时尚集聚地"),  # 前海's other host
    }


def test_dali_fazhan_then_long_role():
    s = "宝安区大力发展安全防护、监测预警、LED照明、节能家电、绿色建材、固废危废处置等领域研发设计和生产制造聚集区。"
    rs = records(s)
    assert [(r.district, r.role, r.functions) for r in rs] == [
        ("宝安区", "安全防护、监测预警、LED照明、节能家电、绿色建材、固废危废处置等领域研发设计和生产制造聚集区", ("研发设计", "生产制造"))
    ]


def test_places_quoted_inside_the_role_name():
    s = "打造“盐田—大鹏—深汕”东部向海发展走廊，推进盐田临港产业带、坝光国际生物谷（食品谷）、新大龙岐湾等片区建设。"
    assert found(s) == {("盐田区", "东部向海发展走廊"), ("大鹏新区", "东部向海发展走廊"), ("深汕特别合作区", "东部向海发展走廊")}


def test_place_implies_its_unit():
    assert found("依托深汕湾机器人小镇，建设智能机器人研发制造基地。") == {("深汕特别合作区", "智能机器人研发制造基地")}


def test_group_expands_to_its_members():
    s = (
        "对主城新区，重点强化配套体系建设，加快形成“研发在中心、制造在周边、链式配套、梯度布局”的产业分工体系，"
        "增强全产业链本地供货能力，实现规模化、集群化发展，加快打造智能终端产业高质量发展的增长极。"
    )
    rs = records(s, city="重庆市")
    assert len(rs) == 12
    assert {r.via for r in rs} == {"主城新区"} and {r.role for r in rs} == {"增长极"}
    assert all(r.functions == ("配套",) for r in rs), "slogans in quotes assign no functions"
    assert "永川区" in {r.district for r in rs}


def test_traditional_characters_match_and_quote_the_original():
    s = "南山和福田區定位為設計企業集聚區，重點突破高端芯片設計。"
    rs = records(s)
    # roles are given in simplified form so they group across plans; the quote stays as published
    assert {(r.district, r.role) for r in rs} == {("南山区", "设计企业集聚区"), ("福田区", "设计企业集聚区")}
    assert rs[0].quote == "南山和福田區定位為設計企業集聚區，重點突破高端芯片設計。"
    assert simplified("設計企業集聚區") == "设计企业集聚区"


def test_pdf_line_breaks_page_numbers_and_half_width_punctuation():
    raw = (
        "五、空间布局 \n\n在福田区、南山区、前海布局研发设计环节，在宝安区、深汕特别合作区布局研发\n\n"
        "设计和生产制造环节。发挥南山区创新型企业集聚优势,重点打造我市智能机器人研发创\n\n 12 \n\n"
        "新集聚区。\n"
    )
    got = found(raw)
    assert ("深汕特别合作区", "研发设计和生产制造环节") in got
    assert ("南山区", "智能机器人研发创新集聚区") in got


def test_running_headers_next_to_page_numbers_are_dropped():
    page = "深圳市培育发展智能机器人产业集群行动计划（2022-2025年）\n"
    raw = (
        "在宝安区、深汕特别合作区布局研发设计和生产\n\n- 7 -\n\n" + page + "制造环节。发挥南山区创新型企业集聚优势，重点打造\n\n"
        "- 8 -\n\n" + page + "智能机器人研发创新集聚区。\n\n- 9 -\n\n" + page
    )
    text = normalize(raw)
    assert "行动计划" not in text and "- 8 -" not in text
    assert found(raw) >= {("宝安区", "研发设计和生产制造环节"), ("南山区", "智能机器人研发创新集聚区")}


def test_html_page_navigation_is_ignored(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><head><title>深圳市培育发展智能终端产业集群行动计划</title><script>var a='南山区打造为脚本区';</script></head>"
        "<body><nav>首页 | 南山区政府 | 宝安区打造为导航区</nav>"
        "<div class='content'><p>将福田区打造为品牌运营+生态集聚区，坪山区打造为高端制造+核心元器件集聚区。</p></div>"
        "<footer>深圳市工业和信息化局 版权所有</footer></body></html>",
        encoding="utf-8",
    )
    city, rs = extract_file(page)
    assert city == "深圳市"
    assert {(r.district, r.role) for r in rs} == {("福田区", "品牌运营+生态集聚区"), ("坪山区", "高端制造+核心元器件集聚区")}


# --- negatives ---------------------------------------------------------------------------------


def test_responsible_units_are_not_roles():
    s = "统筹建设若干专业产业园区。（市发展改革委、工业和信息化局，福田区政府、南山区政府、宝安区政府按职责分工负责）"
    assert found(s) == set()
    assert found("举办供应链合作对接会。(责任单位:市工业和信息化局、南山区人民政府)") == set()
    assert found("支持前海管理局、深汕特别合作区管委会建设服务中心。") == set()


def test_gequ_is_not_a_district():
    assert found("支持各区结合自身特点发展软件与信息服务产业。") == set()


def test_table_of_contents_lines_are_dropped():
    assert found("目 录\n一、南山区打造为研发区……………………3\n二、保障措施……………………5\n") == set()


def test_a_plan_without_district_roles_says_so():
    plan = paths.PLANS_DIR / "shanghai-smart-terminal-plan-2022-note.txt"
    run = subprocess.run([sys.executable, "-m", "geo", "extract", str(plan)], capture_output=True, text=True, cwd=paths.ROOT)
    assert run.returncode == 0
    assert "no district roles" in run.stderr
    assert run.stdout.strip().splitlines() == [",".join(roles.COLUMNS)]


# --- generality: another city, only the national gazetteer knows its districts ----------------


def test_other_city_detected_and_matched_from_gazetteer():
    text = normalize(
        "杭州市人民政府关于加快推进生物医药产业高质量发展的若干意见\n"
        "支持滨江、余杭、萧山等区建设集聚区。将钱塘区打造为生物医药先进制造核心区。（杭州市经信局、上城区政府按职责分工负责）\n"
    )
    city, rs = extract_text(text, "hz", "杭州市人民政府关于加快推进生物医药产业高质量发展的若干意见")
    assert city == "杭州市"
    assert {(r.district, r.role, r.cluster) for r in rs} == {
        ("滨江区", "集聚区", "生物医药"),
        ("余杭区", "集聚区", "生物医药"),
        ("萧山区", "集聚区", "生物医药"),
        ("钱塘区", "生物医药先进制造核心区", "生物医药"),
    }
    assert {r.district_id for r in rs} >= {"330108"}  # adcode where we publish no polygon


@pytest.mark.parametrize("text,expected", [
    # Phrasings written for this test (not from the corpus), in cities the corpus does not cover.
    ("广州市推动集成电路产业发展行动计划\n黄埔区、南沙区重点发展集成电路制造，打造集成电路产业集聚区。番禺区定位为集成电路设计创新区。",
     {("黄埔区", "集成电路产业集聚区"), ("南沙区", "集成电路产业集聚区"), ("番禺区", "集成电路设计创新区")}),
    ("苏州市生物医药产业发展行动方案\n推动昆山市、太仓市打造生物医药先进制造基地。在吴中区、相城区布局研发设计环节。",
     {("昆山市", "生物医药先进制造基地"), ("太仓市", "生物医药先进制造基地"), ("吴中区", "研发设计环节"), ("相城区", "研发设计环节")}),
    ("北京市机器人产业创新发展行动方案\n海淀区定位為機器人研發創新核心區。（海淀区政府、朝阳区政府按职责分工负责）",
     {("海淀区", "机器人研发创新核心区")}),
])
def test_other_cities_and_phrasings(text, expected):
    normalized = normalize(text)
    _, rs = extract_text(normalized, "x", normalized.split("\n")[0])
    assert {(r.district, r.role) for r in rs} == expected


# --- whole plans, hand-checked ---------------------------------------------------------------

SHENZHEN_SMART_TERMINAL = {
    ("福田区", "品牌运营+生态集聚区", ""),
    ("罗湖区", "研发设计+生态集聚区", "研发设计"),
    ("南山区", "源头创新+高端制造区", "研发设计|生产制造"),
    ("宝安区", "智能制造+泛终端集聚区", "生产制造"),
    ("龙华区", "智能制造+泛终端集聚区", "生产制造"),
    ("龙岗区", "世界级电子信息产业集群承载区", ""),
    ("坪山区", "高端制造+核心元器件集聚区", "生产制造"),
}


def test_whole_shenzhen_smart_terminal_plan():
    city, rs = extract_file(paths.PLANS_DIR / "shenzhen-smart-terminal-plan-2022.txt")
    assert city == "深圳市"
    assert {(r.district, r.role, "|".join(r.functions)) for r in rs} == SHENZHEN_SMART_TERMINAL
    assert {r.cluster for r in rs} == {"智能终端"} and {r.via for r in rs} == {"direct"}
    text = (paths.PLANS_DIR / "shenzhen-smart-terminal-plan-2022.txt").read_text(encoding="utf-8")
    normalized = normalize(text)
    for r in rs:
        assert normalized[r.start : r.end] == r.quote
        assert r.quote.startswith("推动市域内“研发+高端制造”跨区协同")


CHONGQING_GROUPS = {
    "中心城区": ("火车头", 9),
    "主城新区": ("增长极", 12),
    "渝东北三峡库区城镇群": ("融入全市智能终端产业高质量发展格局", 11),
    "渝东南武陵山区城镇群": ("融入全市智能终端产业高质量发展格局", 6),
}


def test_whole_chongqing_plan_groups_and_zones():
    city, rs = extract_file(paths.PLANS_DIR / "chongqing-smart-terminal-plan-2021.txt")
    assert city == "重庆市"
    by_group: dict[str, set] = {}
    for r in rs:
        if r.via in CHONGQING_GROUPS:
            by_group.setdefault(r.via, set()).add((r.district, r.role))
    assert {g: ({role for _, role in v}.pop(), len(v)) for g, v in by_group.items()} == CHONGQING_GROUPS
    direct = {(r.district, r.role) for r in rs if r.via == "direct"}
    assert direct == {
        ("两江新区", "旗舰"), ("重庆高新区", "旗舰"), ("重庆经开区", "旗舰"),
        ("两江新区", "海峡两岸智能终端产业经济合作区"), ("重庆高新区", "海峡两岸智能终端产业经济合作区"),
        ("永川区", "海峡两岸智能终端产业经济合作区"),
    }
    central = next(r for r in rs if r.via == "中心城区")
    assert central.functions == ("研发设计", "生产制造", "销售结算", "生产性服务")
    # groups 38, direct 6, 旗舰 reaching 6 host districts, 海峡两岸… reaching 5
    assert len(rs) == 38 + 6 + 6 + 5


def test_measures_and_shanghai_have_no_roles():
    for name in ("shenzhen-smart-terminal-measures-2024.txt", "shanghai-smart-terminal-plan-2022-note.txt"):
        assert extract_file(paths.PLANS_DIR / name)[1] == []


def test_20_8_document_splits_into_yijian_and_21_plans():
    _, rs = extract_file(paths.PLANS_DIR / "shenzhen-20-8-clusters-2022.txt")
    clusters = {r.cluster for r in rs}
    assert len(clusters - {"*"}) == 21 and "未来产业" in clusters and "*" in clusters
    # the 意见's list and the cluster plan's layout both stand, each with its own quote
    ss = [r for r in rs if r.cluster == "生物医药" and r.district == "坪山区"]
    assert {r.role for r in ss} >= {"产业集聚区", "核心集聚区"}
    assert len({r.plan_id for r in ss}) == 2


def test_roles_csv_equals_a_fresh_build(tmp_path):
    entries, built = build_corpus()
    roles.write_csv(built, tmp_path / "roles.csv")
    write_entries(entries, tmp_path / "plan_sections.csv")
    assert (tmp_path / "roles.csv").read_bytes() == paths.ROLES.read_bytes()
    assert (tmp_path / "plan_sections.csv").read_bytes() == paths.PLAN_SECTIONS.read_bytes()


def test_every_role_quotes_its_span():
    texts: dict[str, str] = {}
    from geo.ingest.plans import load_index

    files = {m.id: paths.PLANS_DIR / m.file for m in load_index()}
    for r in roles.read_csv():
        base = r.plan_id.split("#")[0]
        text = texts.setdefault(base, normalize(files[base].read_text(encoding="utf-8")))
        assert text[r.start : r.end] == r.quote
        assert r.role and r.district and r.district_id and r.via
