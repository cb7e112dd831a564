"""Extraction on plans of any city: cluster scopes, the role grammar, generic zones and role text.

Every sentence here is written for these tests in the style of municipal plans; none is quoted from a
published document. Each test asserts the place, the cluster and the role.
"""
from __future__ import annotations

import pytest

from geo.extract.places import index_for
from geo.extract.scopes import heading_of
from geo.ingest.normalize import normalize
from geo.pipeline import extract_text, guess_title
from geo.reference.clusters import matcher
from geo.store.files import FileStore

GENERAL_TITLE = "某市关于推动制造业高质量发展的实施意见"


def roles(text: str, city: str, title: str = GENERAL_TITLE) -> set[tuple[str, str, str]]:
    """(place, cluster, role) for every record extracted from `text`."""
    _, rs = extract_text(normalize(text), "t", title, city)
    return {(r.district, r.cluster, r.role) for r in rs}


def places(text: str, city: str, title: str = GENERAL_TITLE) -> set[tuple[str, str]]:
    return {(p, c) for p, c, _ in roles(text, city, title)}


# --- the cluster taxonomy -------------------------------------------------------------------------


def test_aliases_resolve_to_one_cluster_and_qualified_aliases_need_an_industry_word():
    m = matcher()
    assert m.resolve("医药").name == m.resolve("生物医药").name == "生物医药"
    assert m.resolve("集成电路").name == "半导体与集成电路"
    assert [x.cluster.name for x in m.find("推动经济健康发展")] == []  # 健康 alone is an ordinary word
    assert [x.cluster.name for x in m.find("做强健康产业")] == ["大健康"]
    assert [x.cluster.name for x in m.find("新能源汽车和新能源")] == ["新能源汽车", "新能源"]  # longest first
    assert [x.cluster.name for x in m.find("产业空间布局优化工程")] == []  # 化工 inside 优化工程 is no industry
    assert [x.cluster.name for x in m.find("建设海洋科技创新高地，发展金融服务")] == ["海洋", "金融科技"]  # its science, its services
    assert [x.cluster.name for x in m.find("海洋保护和金融监管")] == []


@pytest.mark.parametrize(
    ("name", "cluster"),
    [
        ("核电", "新能源"), ("北斗", "航空航天"), ("元宇宙", "虚拟现实"), ("碳纤维", "新材料"), ("海洋工程", "海洋工程装备"),
        ("跨境电商", "电子商务"), ("陶瓷", "建材"), ("类脑", "脑科学与类脑智能"), ("6G", "网络与通信"), ("农机", "农机装备"),
        ("输变电", "节能与新能源装备"), ("白酒", "食品"), ("冶金", "钢铁"), ("文旅", "文化旅游"), ("网络安全", "网络安全"),
        ("智能物联", "物联网"), ("光电显示", "新型显示"), ("光芯片", "光电子"), ("光子", "光电子"), ("通航", "低空经济"),
        ("耐火材料", "建材"), ("风光储", "新能源"), ("智能制造", "智能制造装备"), ("新能源智能汽车", "新能源汽车"),
        ("纳米技术", "纳米材料"), ("商用车", "汽车"), ("特钢", "钢铁"), ("乳业", "食品"), ("煤化工", "绿色石化"), ("绿氢", "氢能"),
        ("服饰", "纺织服装"), ("影视", "数字创意"), ("磁性材料", "新材料"), ("港口物流", "现代物流"), ("通信电子", "电子信息"),
        ("封装测试", "半导体与集成电路"), ("中药", "生物医药"), ("酿酒", "食品"), ("炼化", "绿色石化"), ("精品钢材", "钢铁"),
        ("合成材料", "新材料"), ("特种玻璃", "建材"), ("机电装备", "高端装备制造"), ("医养健康", "大健康"), ("结构材料", "新材料"),
        ("软件服务", "软件与信息服务"), ("冷链物流", "现代物流"), ("磷化工", "绿色石化"), ("疫苗", "生物医药"), ("石材", "建材"),
    ],
)
def test_names_plans_commonly_use_resolve_to_one_cluster(name, cluster):
    assert [m.cluster.name for m in matcher().find(f"重点发展{name}产业")] == [cluster]


def test_every_cluster_has_a_field_ancestor_or_is_top_level_and_slugs_are_unique():
    clusters = matcher().clusters
    slugs = [c.slug for c in clusters]
    assert len(slugs) == len(set(slugs))
    by_slug = {c.slug: c for c in clusters}
    fields = [c for c in clusters if c.level == "field"]
    assert len([f for f in fields if "战略性新兴产业分类" in f.source]) == 9
    for c in clusters:
        assert not c.parent or c.parent in by_slug, c
        assert c.name_en and c.slug.isascii()


def test_same_plan_speaks_of_one_cluster_under_two_names():
    text = "（一）医药产业\n钱塘区打造为全市医药创新高地。\n（二）生物医药\n余杭区建设生物医药产业基地。"
    assert places(text, "杭州市") == {("钱塘区", "生物医药"), ("余杭区", "生物医药")}


# --- which cluster a sentence speaks of ------------------------------------------------------------


@pytest.mark.parametrize("heading", ["3.生物医药", "（二）生物医药产业", "第三节 生物医药", "二、生物医药产业集群"])
def test_heading_of_any_numbering_scopes_the_lines_below(heading):
    text = f"{heading}\n武侯区打造为创新药研发高地。\n双流区建设成为重要的生产基地。"
    assert places(text, "成都市") == {("武侯区", "生物医药"), ("双流区", "生物医药")}


def test_a_heading_naming_an_industry_the_taxonomy_lacks_scopes_it():
    text = "（一）磁悬浮产业集群。以长安区为核心，鄠邑区为拓展区。\n（二）壮大优势产业\n高陵区建设汽车零部件配套园。"
    assert roles(text, "西安市") == {
        ("长安区", "磁悬浮", "核心"),
        ("鄠邑区", "磁悬浮", "拓展区"),
        ("高陵区", "汽车", "汽车零部件配套园"),  # 壮大优势产业 names no industry
    }
    assert heading_of("（二）壮大优势产业") is not None


def test_heading_scope_ends_at_the_next_heading_of_the_same_or_higher_level():
    text = (
        "三、重点产业布局\n（一）集成电路产业\n滨江区打造为设计集聚区。\n1.封装测试\n萧山区建设封装测试基地。\n"
        "（二）新能源汽车产业\n钱塘区建设整车制造基地。\n（三）空间保障\n临平区打造为配套服务区。\n"
        "四、保障措施\n西湖区建设综合服务中心。"
    )
    assert places(text, "杭州市") == {
        ("滨江区", "半导体与集成电路"),
        ("萧山区", "半导体与集成电路"),  # a sub-heading without a cluster keeps its parent's
        ("钱塘区", "新能源汽车"),
        ("临平区", "*"),  # a sibling heading without a cluster ends the scope
        ("西湖区", "*"),
    }


def test_run_in_heading_scopes_its_own_paragraph():
    text = "（二）智能网联汽车产业。以江夏区、蔡甸区为核心，打造车路协同示范区。"
    assert places(text, "武汉市") == {("江夏区", "智能网联汽车"), ("蔡甸区", "智能网联汽车")}


def test_unnumbered_industry_name_opening_a_paragraph_scopes_it():
    """A paragraph opening with an industry's name as its own sentence is run in under it, numbered or not; one
    opening with a place and an industry is that place's paragraph."""
    text = ("（三）提升传统优势产业\n轴承产业。新昌县推动轴承向精密化、风电和石化装备配套拓展，建设全国精密轴承制造基地。\n"
            "纺织产业。柯桥区建设国际纺织面料研发设计中心。\n")
    assert roles(text, "绍兴市") == {
        ("新昌县", "高端装备制造", "全国精密轴承制造基地"),  # 轴承 by its head word; not 新能源 from 风电 nor 绿色石化 from 石化
        ("柯桥区", "纺织服装", "国际纺织面料研发设计中心"),
    }
    zone = "南昌高新区航空产业：依托龙头企业，建设大飞机配套产业园；新建区重点发展食品加工。\n"
    assert ("南昌高新区", "航空航天", "大飞机配套产业园") in roles(zone, "南昌市")
    assert ("新建区", "航空航天") not in places(zone, "南昌市")


def test_a_place_label_line_gives_the_numbered_items_below_it_to_its_place():
    """"义乌市：" on a line of its own, then numbered industries: each item's role is the place's; the next label
    takes over and a heading above the items' level ends it."""
    text = ("三、县域产业定位\n义乌市：\n1.小商品产业。推动饰品、日用品向设计驱动升级，建设全球小商品创新制造基地。\n"
            "2.光伏。打造光伏组件制造集聚区。\n东阳市：\n1.影视文化。建设影视文化产业高地。\n四、保障措施\n1.人才。建设人才服务中心。\n")
    assert roles(text, "金华市", "金华市县域特色产业发展规划") == {
        ("义乌市", "小商品", "全球小商品创新制造基地"),
        ("义乌市", "新能源", "光伏组件制造集聚区"),
        ("东阳市", "数字创意", "影视文化产业高地"),
    }


def test_heading_naming_an_ancestor_keeps_the_plans_narrower_cluster():
    text = "（一）电子信息\n坪山区建设成为终端制造基地。"
    title = "深圳市培育发展智能终端产业集群行动计划"
    assert places(text, "深圳市", title) == {("坪山区", "智能终端")}


def test_clause_subjects_walk_through_clusters():
    text = "集成电路产业以滨江区为核心，萧山区、余杭区协同发展；生物医药产业依托钱塘区，打造生物医药产业高地。"
    assert roles(text, "杭州市") == {
        ("滨江区", "半导体与集成电路", "核心"),
        ("萧山区", "半导体与集成电路", "协同发展"),
        ("余杭区", "半导体与集成电路", "协同发展"),
        ("钱塘区", "生物医药", "生物医药产业高地"),
    }


def test_clause_subject_after_a_comma_speaks_for_its_own_places():
    text = "集成电路产业重点布局在江夏区，新型显示产业主要分布在江夏区和蔡甸区。"
    assert places(text, "武汉市") == {
        ("江夏区", "半导体与集成电路"),
        ("江夏区", "新型显示"),
        ("蔡甸区", "新型显示"),
    }


def test_industries_a_place_develops_and_the_role_stated_after_them():
    text = "鄞州区重点发展新能源汽车、通用航空产业，打造国际一流的汽车产业基地；镇海区建设石化产业基地。"
    assert roles(text, "宁波市") == {
        ("鄞州区", "新能源汽车", "汽车产业基地"),
        ("鄞州区", "低空经济", "汽车产业基地"),
        ("鄞州区", "汽车", "汽车产业基地"),
        ("镇海区", "绿色石化", "石化产业基地"),
    }
    # the same industry said twice (develop it, then build its cluster area) stays one role
    assert roles("江北区重点发展集成电路制造，打造集成电路产业集聚区。", "宁波市") == {("江北区", "半导体与集成电路", "集成电路产业集聚区")}


def test_a_long_qualified_alias_as_a_whole_list_item_names_its_cluster():
    assert roles("历城区：新能源汽车、生物医药；章丘区：高端装备。", "济南市") == {
        ("历城区", "新能源汽车", "新能源汽车、生物医药"),
        ("历城区", "生物医药", "新能源汽车、生物医药"),
        ("章丘区", "高端装备制造", "高端装备"),
    }
    assert [m.cluster.name for m in matcher().find("推动经济健康、绿色、安全发展")] == []  # short ones still need 产业


def test_industry_between_the_places_and_a_listing_verb_names_the_cluster():
    assert roles("推动江汉区、硚口区数字经济协同发展，支持东西湖区打造网络安全产业基地。", "武汉市") == {
        ("江汉区", "数字经济", "协同发展"),
        ("硚口区", "数字经济", "协同发展"),
        ("东西湖区", "网络安全", "网络安全产业基地"),  # not 安全产业 (safety and emergency)
    }


def test_object_after_parallel_yi_wei_speaks_for_every_run():
    text = "着力构建以海曙区为龙头，鄞州区、镇海区为重要支撑的生物医药产业空间布局。"
    assert roles(text, "宁波市") == {
        ("海曙区", "生物医药", "龙头"),
        ("鄞州区", "生物医药", "重要支撑"),
        ("镇海区", "生物医药", "重要支撑"),
    }


def test_a_label_over_a_corridor_names_both_ends():
    text = "（二）集成电路产业\n构建“一核一带”格局。“一核”即瑶海区，“一带”指沿包河区—蜀山区集成电路产业带。"
    assert roles(text, "合肥市") == {
        ("瑶海区", "半导体与集成电路", "一核"),
        ("包河区", "半导体与集成电路", "一带"),
        ("蜀山区", "半导体与集成电路", "一带"),
        ("包河区", "半导体与集成电路", "集成电路产业带"),  # the corridor's own name, after its ends
        ("蜀山区", "半导体与集成电路", "集成电路产业带"),
    }


def test_a_label_over_a_list_whose_first_item_is_no_known_place():
    text = "三园：仁和先进制造业基地、良渚新城、钱江经济开发区，分别聚焦智能装备、文化创意和生物医药。"
    found = roles(text, "杭州市")
    assert {p for p, _, r in found if r == "三园"} == {"杭州良渚新城", "杭州钱江经开区"}
    focus = {(p, c) for p, c, r in found if r.startswith("聚焦")}
    assert focus == {("杭州良渚新城", "数字创意"), ("杭州钱江经开区", "生物医药")}  # 分别, aligned from the list's end


def test_more_role_verbs_and_nouns():
    text = "支持光明区争创国家级先进制造业集群示范区，龙华区打造全市数字经济重要节点，坪山区建设新能源汽车产业发展轴。"
    assert roles(text, "深圳市") == {
        ("光明区", "*", "国家级先进制造业集群示范区"),
        ("龙华区", "数字经济", "数字经济重要节点"),
        ("坪山区", "新能源汽车", "新能源汽车产业发展轴"),
    }


def test_respective_industries_inside_one_role():
    text = "支持经开区、高新区分别建设新能源汽车、集成电路专业园区。"
    assert places(text, "合肥市") == {("合肥经开区", "新能源汽车"), ("合肥高新区", "半导体与集成电路")}


def test_places_that_build_together_share_the_role():
    assert roles("成都高新区、双流区、郫都区共建电子信息产业生态圈。", "成都市") == {
        ("成都高新区", "电子信息", "电子信息产业生态圈"),
        ("双流区", "电子信息", "电子信息产业生态圈"),
        ("郫都区", "电子信息", "电子信息产业生态圈"),
    }


def test_an_industry_label_over_a_bare_list_of_places():
    text = "各产业重点布局区域如下。集成电路：浦东新区、嘉定区；生物医药产业：浦东新区、奉贤区。"
    assert roles(text, "上海市") == {
        ("浦东新区", "半导体与集成电路", "布局区域"),
        ("嘉定区", "半导体与集成电路", "布局区域"),
        ("浦东新区", "生物医药", "布局区域"),
        ("奉贤区", "生物医药", "布局区域"),
    }


def test_table_rows_need_their_header():
    # ；-separated cells without a header row are prose, read by the grammar; a header ends at the first non-row line
    text = "区县；主导产业；功能定位。\n江北区；数字经济；数字经济创新示范区。\n二、保障措施\n渝北区；汽车；智能制造核心区。"
    assert roles(text, "重庆市") == {("江北区", "数字经济", "数字经济创新示范区")}


def test_a_layout_heading_over_a_bare_list_of_places():
    text = "3.智能装备产业\n重点布局区域：江宁区、溧水区、高淳区。\n4.集成电路产业\n空间布局：浦口区、栖霞区等。"
    assert roles(text, "南京市") == {
        ("江宁区", "高端装备制造", "重点布局区域"),
        ("溧水区", "高端装备制造", "重点布局区域"),
        ("高淳区", "高端装备制造", "重点布局区域"),
        ("浦口区", "半导体与集成电路", "空间布局"),
        ("栖霞区", "半导体与集成电路", "空间布局"),
    }
    # a place with its own predicate after the label keeps that
    assert roles("（三）人工智能产业\n空间布局：玄武区重点布局基础研究和算法创新。", "南京市") == {
        ("玄武区", "人工智能", "重点布局基础研究和算法创新")
    }


def test_a_runs_part_in_a_layout_wins_over_the_layouts_name():
    text = "形成以东丽区为核心、津南区和西青区为支撑的新材料产业带。"
    assert roles(text, "天津市") == {
        ("东丽区", "新材料", "核心"),
        ("津南区", "新材料", "支撑"),
        ("西青区", "新材料", "支撑"),
    }
    assert roles("以甲区为全省重要的新材料产业基地。".replace("甲区", "东丽区"), "天津市") == {("东丽区", "新材料", "新材料产业基地")}


def test_zones_the_plan_relies_on_take_the_platform_it_builds():
    text = "依托中关村科学城、怀柔科学城和北京经济技术开发区，打造国际科技创新中心主平台。"
    assert places(text, "北京市") == {("北京中关村科学城", "*"), ("北京怀柔科学城", "*"), ("北京经开区", "*")}


def test_role_noun_names_the_cluster():
    assert roles("雨花区建设工程机械产业集聚区。", "长沙市") == {("雨花区", "工程机械", "工程机械产业集聚区")}
    assert roles("鼓楼区打造为全省软件和信息服务产业核心区。", "南京市") == {("鼓楼区", "软件与信息服务", "全省软件和信息服务产业核心区")}


def test_industries_the_taxonomy_lacks_name_the_layout_the_places_make_up():
    """构建X产业“一核两翼”发展格局 after the places, …的X产业布局, 作为全市X产业的核心承载区: X, under the cluster its
    head word files it (电瓷 → 建材), else by its own name (薄板深加工)."""
    text = "以涟源市为核心区，冷水江市、新化县为协同区，构建薄板深加工产业“一核两翼”发展格局。"
    assert places(text, "娄底市") == {("涟源市", "薄板深加工"), ("冷水江市", "薄板深加工"), ("新化县", "薄板深加工")}
    assert places("打造以醴陵市为中心、攸县为副中心的电瓷产业布局。", "株洲市") == {("醴陵市", "建材"), ("攸县", "建材")}
    assert roles("高平市作为全市铸造产业的核心承载区，重点发展精密铸件。", "晋城市") == {("高平市", "高端装备制造", "核心承载区")}
    # the industry a verb makes the topic of the sentence: 推动X产业向甲区集聚
    assert places("推动钒钛新材料产业向双桥区、承德县集聚。", "承德市") == {("双桥区", "新材料"), ("承德县", "新材料")}


def test_object_after_the_places_names_the_cluster():
    assert roles("以雁塔区、长安区为核心，建设数字经济产业布局。", "西安市") == {
        ("雁塔区", "数字经济", "核心"),
        ("长安区", "数字经济", "核心"),
    }


def test_industry_mentioned_in_passing_does_not_change_a_single_cluster_plan():
    title = "某市培育发展新材料产业集群行动计划"
    assert places("坪山区打造为新能源材料核心区。", "深圳市", title) == {("坪山区", "新材料")}


# --- role patterns --------------------------------------------------------------------------------


def test_yi_wei_short_roles():
    text = "以双流区、郫都区为两翼，以成都高新区为主阵地，推动电子信息产业集聚发展。"
    assert roles(text, "成都市") == {
        ("双流区", "电子信息", "两翼"),
        ("郫都区", "电子信息", "两翼"),
        ("成都高新区", "电子信息", "主阵地"),
    }
    assert roles("人工智能产业以海淀区、朝阳区为重点。", "北京市") == {
        ("海淀区", "人工智能", "重点"),
        ("朝阳区", "人工智能", "重点"),
    }


def test_labels_then_places_without_a_verb():
    text = "构建“一核两带”产业格局。“一核”即成都高新区，“三核”即武侯区、锦江区、青羊区；“两带”：金堂县、简阳市。"
    assert roles(text, "成都市") == {
        ("成都高新区", "*", "一核"),
        ("武侯区", "*", "三核"),
        ("锦江区", "*", "三核"),
        ("青羊区", "*", "三核"),
        ("金堂县", "*", "两带"),
        ("简阳市", "*", "两带"),
    }


def test_bracketed_specialisations_give_a_role_per_place_and_cluster():
    text = "形成各具特色的产业集聚区：肥西县（智能家电、集成电路）、长丰县（新能源汽车）。"
    assert roles(text, "合肥市") == {
        ("肥西县", "智能家电", "产业集聚区"),
        ("肥西县", "半导体与集成电路", "产业集聚区"),
        ("长丰县", "新能源汽车", "产业集聚区"),
    }


def test_bracketed_lists_keep_items_the_taxonomy_lacks_but_not_parts():
    """A bracket that lists short industry names gives each its cluster, an unlisted one filed by its head word
    (眼镜 → 现代时尚) and a describing word with a short name read as one item (高端化工); parts (关键零部件) name none."""
    text = "打造县域特色产业板块：瓯海区（眼镜、生物医药），洞头区（高端化工、新能源），龙湾区（整车及关键零部件）。"
    assert places(text, "温州市") == {
        ("瓯海区", "现代时尚"), ("瓯海区", "生物医药"),
        ("洞头区", "绿色石化"), ("洞头区", "新能源"),
        ("龙湾区", "汽车"),
    }


def test_places_each_with_its_industry_then_a_shared_counted_role():
    """壮大甲县X、乙区Y、丙县Z等特色产业集群: each place has its own industry and the role they share."""
    text = "壮大澧县（澧县经开区）纺织服装、津市市生物医药、石门县茶叶精深加工等县域特色产业集群。"
    assert roles(text, "常德市") == {
        ("澧县", "纺织服装", "县域特色产业集群"),
        ("常德澧县经开区", "纺织服装", "县域特色产业集群"),
        ("津市市", "生物医药", "县域特色产业集群"),
        ("石门县", "食品", "县域特色产业集群"),
    }
    # without the count or 等 and a shared role noun, the list is read as before
    assert ("津市市", "纺织服装") not in places("支持澧县纺织服装、津市市生物医药发展壮大。", "常德市")


def test_a_bare_layout_part_takes_the_industry_an_earlier_part_named():
    """甲区为X产业核心区，乙区为拓展区: the short part names no industry and is part of X's layout; a part whose own
    clause names an industry keeps it."""
    text = "江华瑶族自治县、宁远县为新材料产业核心区，道县、蓝山县为配套区。"
    assert places(text, "永州市") == {("江华瑶族自治县", "新材料"), ("宁远县", "新材料"), ("道县", "新材料"), ("蓝山县", "新材料")}
    own = "冷水滩区为电子信息产业核心区，东安县聚焦竹木加工产业，建设竹木小镇。"
    assert ("东安县", "电子信息") not in places(own, "永州市")


def test_count_allocation_after_the_counted_noun():
    """建设X特色产业园5个，其中甲区2个…: the count may follow the parks it counts."""
    text = "规划建设智能家电配套产业园6个，其中顺德区3个、南海区2个、高明区1个。"
    assert roles(text, "佛山市") == {
        ("顺德区", "智能家电", "智能家电配套产业园"), ("南海区", "智能家电", "智能家电配套产业园"), ("高明区", "智能家电", "智能家电配套产业园"),
    }


def test_places_opening_a_clause_with_wei_and_a_layout_word():
    """甲区、乙区为两核，丙区为特色发展区 with no 以: a layout word after 为 is the role; a description is not."""
    text = "形成“两核三区”的生物医药产业格局：鼓楼区、玄武区为两核，栖霞区为特色发展区。"
    assert roles(text, "南京市") == {("鼓楼区", "生物医药", "两核"), ("玄武区", "生物医药", "两核"), ("栖霞区", "生物医药", "特色发展区")}
    assert roles("江宁区为全市面积最大的区。", "南京市") == set()


def test_an_industry_laid_out_in_places_without_zai():
    text = "光伏产业重点布局丰城市、樟树市和高安市，形成硅片与组件协同发展格局。"
    assert roles(text, "宜春市") == {("丰城市", "新能源", "集聚区"), ("樟树市", "新能源", "集聚区"), ("高安市", "新能源", "集聚区")}


def test_count_allocation_of_named_parks():
    text = "规划建设10个特色产业园区，其中雁塔区4个、长安区3个、高陵区3个。"
    assert roles(text, "西安市") == {
        ("雁塔区", "*", "特色产业园区"),
        ("长安区", "*", "特色产业园区"),
        ("高陵区", "*", "特色产业园区"),
    }


def test_zhongdian_fazhan_gives_a_role_in_each_cluster():
    assert roles("东西湖区重点发展人工智能、大数据产业。", "武汉市") == {
        ("东西湖区", "人工智能", "重点发展人工智能、大数据产业"),
        ("东西湖区", "大数据", "重点发展人工智能、大数据产业"),
    }


def test_gathered_in_places():
    assert roles("全市光电子信息产业主要集聚在东湖新技术开发区和江夏区。", "武汉市") == {
        ("武汉东湖高新区", "光电子", "集聚区"),
        ("江夏区", "光电子", "集聚区"),
    }


def test_gradually_forms_a_cluster():
    assert roles("江夏区逐步形成新能源汽车产业集群。", "武汉市") == {("江夏区", "新能源汽车", "新能源汽车产业集群")}


def test_place_led_sentence_with_the_role_in_a_later_clause():
    text = "蔡甸区依托现有汽车零部件企业，着力打造智能网联汽车产业高地。"
    assert roles(text, "武汉市") == {("蔡甸区", "智能网联汽车", "智能网联汽车产业高地")}


# --- zones of any city ----------------------------------------------------------------------------


def test_bare_zone_name_is_the_citys_own_and_long_and_short_forms_agree():
    text = "西安高新技术产业开发区定位为全市半导体产业核心区。高新区建设人工智能产业基地。"
    found = extract_text(normalize(text), "t", GENERAL_TITLE, "西安市")[1]
    assert {(r.district, r.district_id, r.cluster) for r in found} == {
        ("西安高新区", "xian-gaoxinqu", "半导体与集成电路"),
        ("西安高新区", "xian-gaoxinqu", "人工智能"),
    }
    assert all(r.district_kind == "development_zone" and r.via == "direct" for r in found)


@pytest.mark.parametrize(
    ("text", "city", "zone", "kind"),
    [
        ("支持长沙经济技术开发区建设工程机械产业集聚区。", "长沙市", "长沙经开区", "development_zone"),
        ("长沙经开区建设工程机械产业集聚区。", "长沙市", "长沙经开区", "development_zone"),
        ("苏州工业园区定位为纳米新材料产业创新高地。", "苏州市", "苏州工业园区", "industrial_park"),
        ("依托张江高新区，打造集成电路产业核心承载区。", "上海市", "上海张江高新区", "development_zone"),
        ("南京江宁经济技术开发区重点发展新能源汽车产业。", "南京市", "南京江宁经开区", "development_zone"),
        ("江宁经开区重点发展新能源汽车产业。", "南京市", "南京江宁经开区", "development_zone"),
        ("郑州航空港综合保税区打造为智能终端出口基地。", "郑州市", "郑州航空港综合保税区", "bonded_zone"),
        ("以西永综合保税区为核心，建设笔记本电脑生产基地。", "重庆市", "西永综合保税区", "bonded_zone"),
        ("中国（湖北）自由贸易试验区武汉片区建设生物医药产业基地。", "武汉市", "湖北自贸试验区武汉片区", "free_trade_zone"),
        ("以秦创原科技城为核心，打造硬科技创新高地。", "西安市", "西安秦创原科技城", "science_city"),
        ("西安高新区与长沙经开区合作共建工程机械产业基地。", "西安市", "长沙经开区", "development_zone"),
        ("郑州航空港经济综合实验区打造为智能终端制造基地。", "郑州市", "郑州航空港综合实验区", "development_zone"),
        ("横琴粤澳深度合作区建设中医药产业集聚区。", "珠海市", "珠海横琴粤澳深度合作区", "cooperation_zone"),
        ("中新天津生态城打造为绿色建筑示范区。", "天津市", "中新天津生态城", "new_area"),
        ("推动新郑综保区建设保税维修基地。", "郑州市", "郑州新郑综合保税区", "bonded_zone"),
        ("天津港保税区打造航空航天产业集聚区。", "天津市", "天津港保税区", "bonded_zone"),
        ("南沙自贸片区建设航运物流中心。", "广州市", "广州南沙自贸片区", "free_trade_zone"),
        ("松山湖片区打造电子信息产业核心区。", "东莞市", "东莞松山湖片区", "functional_area"),
        ("杏林台商投资区重点发展生物医药产业。", "厦门市", "厦门杏林台商投资区", "development_zone"),
        ("双流临空经济示范区建设航空物流基地。", "成都市", "成都双流临空经济区", "development_zone"),
        ("天府国际生物城打造生物医药产业核心承载区。", "成都市", "成都天府国际生物城", "science_city"),
        ("航空港区打造智能终端制造基地。", "郑州市", "郑州航空港区", "development_zone"),
        ("西部（成都）科学城建设电子信息产业基地。", "成都市", "西部（成都）科学城", "science_city"),
        ("长安镇、虎门镇重点发展智能终端产业。", "东莞市", "东莞长安镇", "town"),
        ("古镇镇打造灯饰照明产业之都。", "中山市", "中山古镇镇", "town"),
        ("车谷（蔡甸经开区）打造中国车都。", "武汉市", "武汉蔡甸经开区", "development_zone"),
        ("坂田街道打造新一代信息技术产业高地。", "深圳市", "深圳坂田街道", "subdistrict"),
        ("城东工业园重点发展汽车零部件产业。", "台州市", "台州城东工业园", "industrial_park"),
        ("金坛工业集中区重点发展动力电池产业。", "常州市", "常州金坛工业集中区", "industrial_park"),
        ("以未来科技城为核心区，五常街道为拓展区。", "杭州市", "杭州未来科技城", "science_city"),
        ("以未来科技城为核心区，五常街道为拓展区。", "杭州市", "杭州五常街道", "subdistrict"),  # 五 begins a name, not a count
        ("十堰经济开发区建设汽车零部件产业基地。", "十堰市", "十堰经开区", "development_zone"),
        ("龙泉驿汽车产业功能区打造新能源汽车产业基地。", "成都市", "成都龙泉驿汽车产业功能区", "functional_area"),
        ("梅州产业转移工业园重点发展电子信息产业。", "梅州市", "梅州产业转移工业园", "industrial_park"),  # not 产业转移 as an industry
        ("沧州临港化工园区重点发展精细化工。", "沧州市", "沧州临港化工园区", "industrial_park"),
        ("嵩县产业集聚区重点发展有色金属产业。", "洛阳市", "洛阳嵩县产业集聚区", "development_zone"),  # a two-character county
        ("睢县经济开发区重点发展制鞋产业。", "商丘市", "商丘睢县经开区", "development_zone"),
    ],
)
def test_zones_recognised_by_their_generic_names(text, city, zone, kind):
    found = extract_text(normalize(text), "t", GENERAL_TITLE, city)[1]
    assert zone in {r.district for r in found}
    assert {r.district_kind for r in found if r.district == zone} == {kind}


def test_zone_id_is_stable_across_spellings_and_never_a_host_from_the_name():
    ix = index_for("长沙市")
    a = ix.find("长沙经济技术开发区")
    b = ix.find("长沙经开区")
    assert a[0].place.id == b[0].place.id == "changsha-jingkaiqu"
    assert a[0].place.expands_to == ()  # no host is guessed from the name


def test_generic_zone_words_are_not_zones():
    for text in ("支持各高新区建设特色产业集聚区。", "建设一批生物医药产业园。", "光明区定位为技术创新区。", "建设国家加工贸易产业园1个。", "全市建设一批精细化工园区。"):
        ix = index_for("深圳市")
        assert [m.place.type for m in ix.find(text) if m.place.type == "zone"] == [], text


def test_generic_area_and_town_words_are_not_places():
    for text in (
        "全面推进乡镇、城镇和村镇建设，培育一批工业强镇，打造智造重镇。",
        "东部片区、中心片区优化空间布局，老城片区推进城市更新。",
        "加强城市街道环境整治。",
        "建设一批产业新城。",
        "打造国际消费新城、生态宜居新城和智慧片区。",
        "综合考虑临海片区发展基础，规划建设4个以上专业集成电路产业园，支持企业建设超高清视频显示产业园区。",
        "高起点做好产业园规划，建设高水平特色产业园，主动融入产业园发展。",
        "以国际一流产业园为标准，建设三大产业园和未来产业园。",
    ):
        assert [m.place.name for m in index_for("东莞市").find(text)] == [], text


def test_city_nicknames_ending_in_du_are_role_nouns():
    assert roles("富平县重点发展羊乳制品，建设中国奶山羊乳都。", "渭南市") == {("富平县", "食品", "中国奶山羊乳都")}
    assert roles("宜兴市建设中国陶都。", "无锡市") == {("宜兴市", "*", "中国陶都")}


def test_industries_the_taxonomy_lacks_as_a_places_focus():
    """以X为主导 with X unknown is still the place's role; 茶产业 is 食品's by its head word; the role stated after an unlisted industry is
    held in it, not also in none; 以X为特色，打造Y gives both."""
    assert roles("宣汉县以乐器制造为主导。", "达州市") == {("宣汉县", "*", "以乐器制造为主导")}
    assert roles("宣汉县以天然气化工为主导。", "达州市") == {("宣汉县", "绿色石化", "主导")}  # a name the taxonomy now lists
    assert places("湄潭县、凤冈县重点发展茶产业。", "遵义市") == {("湄潭县", "食品"), ("凤冈县", "食品")}
    assert roles("建安区做强发制品产业，建设全球发制品产业中心。", "许昌市") == {("建安区", "发制品", "全球发制品产业中心")}
    got = roles("长葛市以再生金属为特色，打造国家循环经济示范基地。", "许昌市")
    assert {r for _, _, r in got} == {"以再生金属为特色", "国家循环经济示范基地"}


def test_a_shortlist_of_firms_by_district_gives_no_role():
    text = ("拟认定以下企业为2024年度专精特新中小企业，现予以公示。\n"
            "雨湖区：湘潭永达新材料科技有限公司、湖南湘钢智能装备有限公司\n湘潭经济技术开发区：湘潭宏远电机股份有限公司\n")
    assert roles(text, "湘潭市") == set()


def test_towns_in_statistics_get_no_role():
    assert roles("长安镇地区生产总值增长8%，虎门镇新增市场主体1.2万户。塘厦镇位于东南部，与深圳接壤。", "东莞市") == set()


def test_a_place_named_after_its_district_is_split_from_it():
    assert places("嘉定区安亭镇建设汽车产业基地，浦东新区张江科学城打造集成电路产业核心区。", "上海市") == {
        ("嘉定区", "汽车"), ("上海安亭镇", "汽车"), ("浦东新区", "半导体与集成电路"), ("上海张江科学城", "半导体与集成电路"),
    }
    # a zone named by its district's full name is the district's own zone
    assert places("推动江宁区经济开发区建设新能源汽车基地。", "南京市") == {("南京江宁经开区", "新能源汽车")}


def test_a_zone_inside_a_zone_is_one_place():
    assert places("推动郑州经开区综保区、新郑综保区发展保税维修产业。", "郑州市") == {
        ("郑州经开区综合保税区", "保税维修"),
        ("郑州新郑综合保税区", "保税维修"),
    }


def test_a_district_name_in_the_generic_part_of_a_zone_name_is_the_zone():
    # 新城 is the short name of 西安's 新城区, and the generic part of 空港新城.
    assert roles("以高新区为核心，以经开区、空港新城为两翼。", "西安市") == {
        ("西安高新区", "*", "核心"),
        ("西安经开区", "*", "两翼"),
        ("西安空港新城", "*", "两翼"),
    }


def test_industry_words_inside_place_names_name_no_cluster():
    # 航空 in 航空港区 is the zone's name, not the aviation industry.
    assert roles("重点打造“两区一带”：航空港区、郑东新区。", "郑州市") == {
        ("郑州航空港区", "*", "两区一带"),
        ("郑州郑东新区", "*", "两区一带"),
    }


def test_a_long_industry_name_before_a_park_word_is_no_zone():
    """新能源汽车零部件配套产业园 is longer than a zone's own name may be; the industry it starts with names a kind of
    park, not one park."""
    got = roles("某市新能源产业发展规划\n高淳区建设新能源汽车零部件配套产业园。\n", "南京市", "南京市新能源产业发展规划")
    assert got == {("高淳区", "新能源", "新能源汽车零部件配套产业园")}


def test_a_countys_park_of_one_industry_is_a_zone_and_a_named_park_keeps_its_name():
    """兴文县纺织产业园 opening a clause is the county's textile park, a zone of its own (no host is guessed; after a
    verb, 建设双流区航空动力产业园, it stays the county's role); a park with a proper name after the county (大路工业园区)
    stays that name's, beside its county; a kind of park (特色产业园) is none."""
    text = ("兴文县纺织产业园重点发展再生纤维和面料，打造川南纺织产业基地。\n"
            "高县食品工业园发展茶叶、竹笋精深加工，建设特色食品加工园。\n"
            "兴文县特色产业园加快建设。\n")
    got = roles(text, "宜宾市")
    assert got == {("宜宾兴文县纺织产业园", "纺织服装", "川南纺织产业基地"), ("宜宾高县食品工业园", "食品", "特色食品加工园")}
    named = places("准格尔旗大路工业园区建设国家现代煤化工产业示范区。", "鄂尔多斯市")
    assert named == {("准格尔旗", "绿色石化"), ("鄂尔多斯大路工业园区", "绿色石化")}


def test_a_countys_industry_cluster_zone_keeps_the_countys_full_name():
    """河南's 产业集聚区 are zones named by their county (长葛市产业集聚区); X产业集聚区 after an industry is a role noun."""
    text = "长葛市产业集聚区重点发展再生金属，打造全国再生金属产业基地；禹州市建设钧瓷文化产业集聚区。"
    assert roles(text, "许昌市") == {
        ("许昌长葛市产业集聚区", "再生金属", "全国再生金属产业基地"),
        ("禹州市", "钧瓷文化", "钧瓷文化产业集聚区"),
    }
    assert places("玉州区建设国家内燃机产业基地。", "玉林市") == {("玉州区", "高端装备制造")}  # 国家 describes, it names nothing


def test_known_zone_names_win_over_words_before_them():
    text = "对中心城区，发挥两江新区、重庆高新区的旗舰作用。"
    assert {(p, r) for p, _, r in roles(text, "重庆市", "重庆市智能终端产业高质量发展行动计划") if p in ("两江新区", "重庆高新区")} == {
        ("两江新区", "旗舰"),
        ("重庆高新区", "旗舰"),
    }


def test_unlisted_zone_is_served_listed_and_downloadable(tmp_path):
    # The committed data holds 深圳高新区, recognised in the future-industries plan and not in zones.csv.
    store = FileStore()
    zones = {z.name: z for z in store.zones("深圳市")}
    assert "深圳高新区" in zones and zones["深圳高新区"].host_ids == () and zones["深圳高新区"].geometry_quality == "none"
    assert any(r.district == "深圳高新区" for r in store.roles("深圳市"))


# --- role text ------------------------------------------------------------------------------------


def test_no_cut_at_de_inside_a_quoted_name():
    assert roles("滨海新区打造为“一轴两带三区”的核心引领区。", "天津市") == {("滨海新区", "*", "核心引领区")}
    assert roles("红谷滩区建设“产学研用的创新高地”。", "南昌市") == {("红谷滩区", "*", "产学研用的创新高地")}


def test_two_roles_in_one_phrase_are_split():
    assert roles("宝安区打造影视内容创作中心和数字创意装备制造中心。", "深圳市") == {
        ("宝安区", "数字创意", "影视内容创作中心"),
        ("宝安区", "数字创意", "数字创意装备制造中心"),
    }
    # a list of modifiers before one 的 is one role
    assert roles("龙岗区打造立足湾区、辐射全球的会展集聚区。", "深圳市") == {("龙岗区", "*", "会展集聚区")}


def test_no_stray_quote_marks():
    assert roles("鄞州区打造“数字经济示范区。", "宁波市") == {("鄞州区", "数字经济", "数字经济示范区")}


def test_run_lists_with_he_and_short_names():
    assert roles("江干、拱墅和上城区建设商贸服务集聚区。", "杭州市") == {
        ("拱墅区", "*", "商贸服务集聚区"),
        ("上城区", "*", "商贸服务集聚区"),
    } | ({("江干区", "*", "商贸服务集聚区")} if "江干" in index_for("杭州市").places else set())


def test_doubled_character_typos_are_tolerated():
    assert roles("南南山区打造造为全市智能终端产业集聚区。", "深圳市") == {("南山区", "智能终端", "智能终端产业集聚区")}


def test_a_news_reprint_goes_on_about_the_place_it_named():
    text = "近年来，光明区持续壮大新材料产业。下一步，该区将建设新材料产业创新高地，力争产值突破500亿元。"
    _, rs = extract_text(normalize(text), "t", GENERAL_TITLE, "深圳市")
    [r] = [r for r in rs if r.role == "新材料产业创新高地"]
    assert (r.district, r.cluster) == ("光明区", "新材料")
    assert r.quote.startswith("近年来，光明区") and r.quote.endswith("500亿元。")  # the quote names the place
    assert normalize(text)[r.start : r.end] == r.quote
    # the body that speaks first in the sentence (an agency of the district) is what 该区 refers to
    assert roles("记者从龙岗区工信局获悉，该区将围绕智能终端产业，打造千亿级产业集群。", "深圳市") == {("龙岗区", "智能终端", "千亿级产业集群")}
    assert roles("记者从龙岗区工信局获悉，全市将打造千亿级产业集群。", "深圳市") == set()  # an agency is no role holder
    # 该县 does not refer to a district
    assert roles("光明区持续壮大新材料产业。该县将建设新材料产业创新高地。", "深圳市") == {("光明区", "新材料", "壮大新材料产业")}


# --- negatives ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("经国务院批准，撤销余杭区，设立临平区，以原余杭区的部分区域为临平区的行政区域。", "杭州市"),
        ("2023年，西湖区实现地区生产总值1500亿元，同比增长6.5%。", "杭州市"),
        ("滨江区一家智能终端企业负责人说，公司将在萧山区建设新的生产基地。", "杭州市"),
        ("位于余杭区的某电商企业，已建成全球最大的数据中心。", "杭州市"),
        ("对新落户上城区、拱墅区的总部企业，给予最高1000万元奖励。", "杭州市"),
        ("地铁16号线连接临安区与余杭区，全长35公里。", "杭州市"),
        ("西湖区举办第三届生物医药产业峰会，来自全国的300余名专家参会。", "杭州市"),
        ("市经信局会同武侯区人民政府、锦江区政府做好项目审批服务。", "成都市"),
        ("各区县要结合实际，制定本地区实施方案。", "成都市"),
        ("（责任单位：市发展改革委，高新区管委会，各区县政府）", "西安市"),
    ],
)
def test_district_names_without_a_layout_role_give_nothing(text, city):
    assert roles(text, city) == set()


def test_heading_parser_levels():
    assert heading_of("第三章 空间布局").level < heading_of("第一节 产业布局").level < heading_of("一、总体要求").level
    assert heading_of("（二）集成电路产业。以滨江区为核心").text == "集成电路产业"
    assert heading_of("3.生物医药").level > heading_of("（三）生物医药").level
    assert heading_of("滨江区打造为设计集聚区。") is None


def test_district_by_district_sections_give_roles_to_the_heading_place():
    text = (
        "四、各区产业定位\n（一）滨江区\n聚焦集成电路设计，打造国家级集成电路设计产业基地。\n2023年营业收入增长10%。\n"
        "（二）钱塘区\n重点发展生物医药、新材料产业。\n五、保障措施\n加快建设人才服务中心。"
    )
    assert roles(text, "杭州市") == {
        ("滨江区", "半导体与集成电路", "国家级集成电路设计产业基地"),
        ("钱塘区", "生物医药", "重点发展生物医药、新材料产业"),
        ("钱塘区", "新材料", "重点发展生物医药、新材料产业"),
    }


def test_numbered_district_items_with_a_colon():
    text = "1.滨江区：重点发展集成电路设计、数字安防，打造国家级集成电路设计产业基地。"
    assert roles(text, "杭州市") == {
        ("滨江区", "半导体与集成电路", "重点发展集成电路设计、数字安防"),
        ("滨江区", "半导体与集成电路", "国家级集成电路设计产业基地"),
    }


def test_colon_lists_of_clusters_per_place():
    text = "各县（市）区主导产业：肥西县：智能家电、新能源汽车；长丰县：生物医药；庐江县：新材料。"
    assert roles(text, "合肥市") == {
        ("肥西县", "智能家电", "智能家电、新能源汽车"),
        ("肥西县", "新能源汽车", "智能家电、新能源汽车"),
        ("长丰县", "生物医药", "生物医药"),
        ("庐江县", "新材料", "新材料"),
    }


def test_leading_industries_with_yi_wei():
    assert roles("吴江区以光电缆、新型显示为主导产业，打造光通信产业集群。", "苏州市") == {
        ("吴江区", "新型显示", "主导产业"),
        ("吴江区", "光电子", "光通信产业集群"),
    }


def test_objects_between_place_and_role_name_the_cluster():
    assert roles("萧山区聚焦新能源汽车，建设先进制造业基地。", "杭州市") == {("萧山区", "新能源汽车", "先进制造业基地")}


def test_parallel_yi_wei_gives_each_run_its_own_role():
    text = "推动形成以滨江区为核心、萧山区和余杭区为两翼的集成电路产业发展格局。"
    assert roles(text, "杭州市") == {
        ("滨江区", "半导体与集成电路", "核心"),
        ("萧山区", "半导体与集成电路", "两翼"),
        ("余杭区", "半导体与集成电路", "两翼"),
    }


def test_dash_or_colon_then_a_role_noun():
    assert roles("滨江区——集成电路设计高地；萧山区——新能源汽车制造基地。", "杭州市") == {
        ("滨江区", "半导体与集成电路", "集成电路设计高地"),
        ("萧山区", "新能源汽车", "新能源汽车制造基地"),
    }
    assert roles("滨江区：打造集成电路设计高地。", "杭州市") == {("滨江区", "半导体与集成电路", "集成电路设计高地")}


def test_fenbie_assigns_roles_respectively():
    assert roles("滨江区、萧山区分别打造集成电路设计基地和新能源汽车制造基地。", "杭州市") == {
        ("滨江区", "半导体与集成电路", "集成电路设计基地"),
        ("萧山区", "新能源汽车", "新能源汽车制造基地"),
    }


def test_object_list_after_the_role_gives_each_cluster():
    """以甲区为核心，重点发展X、Y: the short role in each object's cluster, and the develop role too; under a heading's
    cluster the objects are the place's industries as well (以甲区为主，重点发展大数据和数字内容)."""
    assert {(p, c) for p, c, r in roles("以成都高新区为核心，重点发展集成电路、新型显示。", "成都市") if r == "核心"} == {
        ("成都高新区", "半导体与集成电路"),
        ("成都高新区", "新型显示"),
    }
    text = "三、数字经济\n“两翼”中，南翼以长乐区为主，重点发展大数据和数字内容产业。\n"
    assert {("长乐区", "大数据"), ("长乐区", "数字创意")} <= places(text, "福州市")


def test_awards_a_place_holds_are_not_roles():
    assert roles("2022年，鄞州区被评为国家级数字经济示范区。", "宁波市") == set()
    assert roles("江北区获批国家级新能源汽车产业基地。", "宁波市") == set()


def test_plan_title_naming_one_cluster_sets_it_and_broad_titles_do_not():
    title = "成都市电子信息产业建圈强链行动方案"
    assert places("天府新区重点布局研发设计和整机制造。", "成都市", title) == {("成都天府新区", "电子信息")}
    broad = "某市关于发展壮大战略性新兴产业集群和培育发展未来产业的意见"
    assert places("天府新区布局软件和信息服务。", "成都市", broad) == {("成都天府新区", "软件与信息服务")}


def test_positioning_and_leading_industries_under_a_place_heading():
    text = "四、各区功能定位\n（一）滨江区\n功能定位：集成电路研发设计核心区。\n（二）萧山区\n主导产业为新能源汽车和智能网联汽车。"
    assert roles(text, "杭州市") == {
        ("滨江区", "半导体与集成电路", "集成电路研发设计核心区"),
        ("萧山区", "新能源汽车", "主导产业为新能源汽车和智能网联汽车"),
        ("萧山区", "智能网联汽车", "主导产业为新能源汽车和智能网联汽车"),
    }


def test_parallel_yi_wei_after_a_comma():
    text = "以崂山区、李沧区为核心，即墨区、胶州市为重要承载地。"
    assert roles(text, "青岛市", "青岛市智能家电产业集群发展规划") == {
        ("崂山区", "智能家电", "核心"),
        ("李沧区", "智能家电", "核心"),
        ("即墨区", "智能家电", "重要承载地"),
        ("胶州市", "智能家电", "重要承载地"),
    }


def test_fenbie_assigns_clusters_respectively():
    text = "郑州航空港经济综合实验区、郑州经开区、郑州高新区分别聚焦智能终端、汽车、电子信息。"
    assert places(text, "郑州市") == {
        ("郑州航空港综合实验区", "智能终端"),
        ("郑州经开区", "汽车"),
        ("郑州高新区", "电子信息"),
    }


def test_fenbie_with_a_counted_role_noun_gives_each_item_that_noun():
    """分别打造A、B、C三个X基地: the count and role noun after the last item belong to every item."""
    text = "支持公主岭市、双阳区、九台区分别打造玉米深加工、肉牛屠宰及精深加工、汽车零部件3个百亿级产业基地。"
    assert roles(text, "长春市") == {
        ("公主岭市", "食品", "玉米深加工百亿级产业基地"),
        ("双阳区", "食品", "肉牛屠宰及精深加工百亿级产业基地"),
        ("九台区", "汽车", "汽车零部件百亿级产业基地"),
    }
    plain = "支持龙湖区、澄海区分别发展轻工装备、玩具创意。"
    assert roles(plain, "汕头市") == {("龙湖区", "高端装备制造", "轻工装备"), ("澄海区", "数字创意", "玩具创意")}


def test_an_object_that_is_some_equipment_s_making_is_high_end_equipment():
    assert places("遂溪县、雷州市发展临港装备制造。", "湛江市") == {("遂溪县", "高端装备制造"), ("雷州市", "高端装备制造")}


def test_fenbie_with_a_role_listing_one_item_per_place_before_its_noun():
    """分别建设A、B和C特色园区: the i-th place gets the i-th item with the noun they share; under a subject industry,
    items the taxonomy lacks are its products; items that are roles of their own are not split."""
    got = roles("推动淮滨县、息县、罗山县分别建设羽毛加工、纸品包装和弱筋小麦精深加工特色园区。", "信阳市")
    assert got == {("淮滨县", "羽毛加工", "羽毛加工特色园区"), ("息县", "纸品包装", "纸品包装特色园区"),
                   ("罗山县", "食品", "弱筋小麦精深加工特色园区")}
    food = roles("全市食品产业以县域为重点：上蔡县、汝南县分别建设辣椒制品和芝麻制品特色产业区。", "驻马店市")
    assert food == {("上蔡县", "食品", "辣椒制品特色产业区"), ("汝南县", "食品", "芝麻制品特色产业区")}
    own = roles("渝中区、江北区分别建设基础研究和创新策源区、产业化示范区。", "重庆市")
    assert {(p, r) for p, _, r in own} == {("渝中区", "基础研究和创新策源区"), ("江北区", "产业化示范区")}  # two roles, not three items
    assert {r for _, _, r in roles("瑞金市、龙南市分别建设赣东、赣南区域性物流中心。", "赣州市")} == {"赣东、赣南区域性物流中心"}
    tea = roles("歙县、休宁县分别打造茶叶、文旅产业集聚区。", "黄山市")
    assert {(p, r) for p, _, r in tea} == {("歙县", "茶叶产业集聚区"), ("休宁县", "文旅产业集聚区")}
    one = roles("武侯区、青羊区分别建设软件和信息服务产业园。", "成都市")
    assert {(p, r) for p, _, r in one} == {("武侯区", "软件和信息服务产业园"), ("青羊区", "软件和信息服务产业园")}  # one cluster's name
    parts = roles("双流区、新都区分别建设航空发动机及零部件产业园区。", "成都市")
    assert {r for _, _, r in parts} == {"航空发动机及零部件产业园区"}  # an industry and its parts


def test_a_list_closed_by_chanye_makes_every_item_an_industry():
    """重点发展汽摩配、文具和家具产业: 产业 after the last item covers them all, so 文具 is an industry by its own name;
    after 等 the last item is their kind (五金、电动工具等新兴产业)."""
    assert places("路桥区重点发展汽摩配、文具和家具产业。", "台州市") == {("路桥区", "汽车"), ("路桥区", "文具"), ("路桥区", "家居")}
    assert places("武义县重点发展电动工具和文旅产业。", "金华市") == {("武义县", "高端装备制造"), ("武义县", "文化旅游")}


def test_a_product_named_with_its_making_or_processing_is_an_industry():
    m = matcher()
    assert [x.cluster.name for x in m.find("重点发展家电零部件和马铃薯精深加工")] == ["智能家电", "食品"]
    assert [x.cluster.name for x in m.find("扩大玉米种植面积，完善物流配套")] == []  # growing it, serving it: no industry


def test_dazao_with_clusters_as_objects():
    assert places("苏州工业园区重点打造生物医药、人工智能两大新兴产业。", "苏州市") == {
        ("苏州工业园区", "生物医药"),
        ("苏州工业园区", "人工智能"),
    }


def test_industry_moving_towards_places():
    assert roles("推动生物医药产业向钱塘区、余杭区集聚。", "杭州市") == {
        ("钱塘区", "生物医药", "集聚区"),
        ("余杭区", "生物医药", "集聚区"),
    }


def test_object_lists_stay_with_their_own_place():
    text = (
        "禅城区重点发展陶瓷建材、纺织服装和生产性服务业，打造制造业服务中心；南海区聚焦新能源汽车、半导体，建设工业强区。"
        "佛山高新区建设国家级创新型产业集群。"
    )
    assert places(text, "佛山市") == {
        ("禅城区", "建材"), ("禅城区", "纺织服装"), ("禅城区", "相关服务业"),
        ("南海区", "新能源汽车"), ("南海区", "半导体与集成电路"),
        ("佛山高新区", "*"),  # 创新型 describes the cluster, it names none
    }


@pytest.mark.parametrize("quoted", ["'一核'", "「一核」", "“一核”", "‘一核’"])
def test_labels_in_any_quote_marks(quoted):
    assert roles(f"{quoted}即成都高新区。", "成都市") == {("成都高新区", "*", "一核")}


def test_a_role_named_for_another_industry_takes_that_cluster():
    """Inside one cluster's plan, a role noun headed by an unrelated industry is that industry's; one
    headed by something else, or only mentioning the plan's cluster in passing, stays with the plan."""
    text = ("某市数字经济发展规划\n三、空间布局\n支持临江区建设生物医药产业集聚区。将东湖区打造为服务数字经济的新材料配套基地。"
            "西岭区打造世界级新能源汽车产业集群。南湾区打造海洋现代服务业集聚区。\n")
    got = roles(text.replace("临江区", "钱塘区").replace("东湖区", "萧山区").replace("西岭区", "余杭区").replace("南湾区", "滨江区"),
                "杭州市", "杭州市数字经济发展规划")
    assert ("钱塘区", "生物医药", "生物医药产业集聚区") in got
    assert ("余杭区", "新能源汽车", "世界级新能源汽车产业集群") in got
    assert ("萧山区", "数字经济", "新材料配套基地") in got
    assert ("滨江区", "数字经济", "海洋现代服务业集聚区") in got
    # the role's industry some words before its role noun, neither served nor listed with others
    energy = roles("某市新能源产业发展规划\n二、空间布局\n江宁区建设新能源汽车整车及关键部件研发制造核心区。"
                   "溧水区建设光伏组件智能制造示范区。六合区建设新能源汽车零部件配套产业园。\n", "南京市", "南京市新能源产业发展规划")
    assert ("江宁区", "新能源汽车", "新能源汽车整车及关键部件研发制造核心区") in energy
    assert ("溧水区", "新能源", "光伏组件智能制造示范区") in energy  # 光伏 is 新能源's own
    assert ("六合区", "新能源", "新能源汽车零部件配套产业园") in energy  # parts that serve another industry
    health = roles("某市大健康产业行动计划\n龙华区建设食品科技创新及成果转化中心。\n", "深圳市", "深圳市大健康产业行动计划")
    assert health == {("龙华区", "大健康", "食品科技创新及成果转化中心")}  # a centre is a function, not an industry's area
    # an industry that is a word of the scope's name stays with it (整车 under 新能源汽车)
    cars = roles("三、新能源汽车\n江宁区建设整车智能制造基地。\n", "南京市", "南京市新能源汽车产业发展规划")
    assert cars == {("江宁区", "新能源汽车", "整车智能制造基地")}
    # a narrower cluster named in the role wins over a broader subject opening the same sentence
    storage = roles("第三章 产业布局\n二、新能源：浦口区依托桥林园区，打造新型储能产业园。\n", "南京市", "南京市战略性新兴产业发展规划")
    assert ("浦口区", "新型储能", "新型储能产业园") in storage
    # a broader cluster named in the role keeps the plan's narrower one (电子信息 in a 智能终端 plan)
    smart = roles("深圳市智能终端产业集群行动计划\n将龙岗区打造为世界级电子信息产业集群承载区。\n", "深圳市", "深圳市智能终端产业集群行动计划")
    assert ("龙岗区", "智能终端", "世界级电子信息产业集群承载区") in smart


def test_economy_titles_name_their_cluster():
    from geo.ingest.plans import cluster_from_title

    assert cluster_from_title("某市数字经济发展规划（2023—2027年）") == "数字经济"
    assert cluster_from_title("某市低空经济高质量发展行动方案") == "低空经济"
    assert cluster_from_title("某市实体经济发展若干措施") == "*"  # the economy at large names no cluster
    assert cluster_from_title("某市经济发展规划") == "*"
    assert cluster_from_title("红河州“十四五”产业发展规划") == cluster_from_title("兴安盟产业发展规划") == "*"  # a prefecture's short name
    assert cluster_from_title("阿克苏地区产业发展规划") == "*"


def test_second_clause_lists_its_own_places_and_industry():
    got = roles("成都市电子信息产业建圈强链行动方案\n（二）优化产业布局\n高新区重点发展集成电路、新型显示，双流区、郫都区重点发展电子元器件。\n",
                "成都市", "成都市电子信息产业建圈强链行动方案")
    assert {("双流区", "电子元器件"), ("郫都区", "电子元器件"), ("成都高新区", "半导体与集成电路"), ("成都高新区", "新型显示")} <= {(p, c) for p, c, _ in got}


def test_a_table_flattened_into_one_line_gives_each_row_its_role():
    """PDF and web tables lose their cell breaks in normalisation: 区域 功能定位 甲区 X核心区 乙市 Y基地."""
    text = ("苏州市生物医药产业创新集群行动计划\n表1 各地区功能定位\n地区 功能定位\n苏州工业园区 创新药研发核心区\n"
            "昆山市 医疗器械制造基地\n吴中区 生物医药配套产业园\n")
    got = roles(text, "苏州市", "苏州市生物医药产业创新集群行动计划")
    assert got == {("苏州工业园区", "生物医药", "创新药研发核心区"), ("昆山市", "高端医疗器械", "医疗器械制造基地"),
                   ("吴中区", "生物医药", "生物医药配套产业园")}
    # without a 定位 header the same words are no table: a park's name after a district is not a role
    assert roles("苏州市生物医药产业创新集群行动计划\n吴中区生物医药产业园已有企业一百余家。\n", "苏州市", "苏州市生物医药产业创新集群行动计划") == set()


def test_labels_linked_by_zhi_to_a_zone_and_quoted_names_as_roles():
    hefei = roles("合肥市新能源汽车产业发展规划\n二、总体布局\n按照“一核两区多点”布局，“一核”指合肥经济技术开发区，“两区”指肥东县和长丰县。\n",
                  "合肥市", "合肥市新能源汽车产业发展规划")
    assert hefei == {("合肥经开区", "新能源汽车", "一核"), ("肥东县", "新能源汽车", "两区"), ("长丰县", "新能源汽车", "两区")}
    nanjing = roles("南京市集成电路产业发展规划\n江北新区着力打造“芯片之城”，浦口区、六合区为配套协同区。\n", "南京市", "南京市集成电路产业发展规划")
    assert ("南京江北新区", "半导体与集成电路", "芯片之城") in nanjing
    assert ("浦口区", "半导体与集成电路", "配套协同区") in nanjing


def test_shi_assigns_a_role_noun_but_not_a_description():
    got = roles("天津市信创产业发展行动方案\n滨海新区是全市信创产业的主要承载地，河西区为信创应用示范区。\n", "天津市", "天津市信创产业发展行动方案")
    assert {(p, r) for p, _, r in got} == {("滨海新区", "主要承载地"), ("河西区", "信创应用示范区")}
    assert roles("杭州市数字经济发展规划\n西湖区是全国文明城区，也是杭州市的中心城区之一。\n", "杭州市", "杭州市数字经济发展规划") == set()


def test_a_label_and_the_role_its_clause_states_are_both_roles():
    got = roles("宁波市新材料产业集群发展规划\n（二）空间布局\n构建“一核三区”空间布局。一核：镇海区，建设新材料科创核心区。"
                "三区：北仑区、慈溪市，分别建设化工新材料特色产业区和磁性材料特色产业区。\n", "宁波市", "宁波市新材料产业集群发展规划")
    assert {("镇海区", "一核"), ("镇海区", "新材料科创核心区"), ("北仑区", "三区"), ("慈溪市", "三区"),
            ("北仑区", "化工新材料特色产业区"), ("慈溪市", "磁性材料特色产业区")} == {(p, r) for p, _, r in got}


def test_industrial_belts_are_role_nouns():
    got = roles("厦门市平板显示产业链发展规划\n重点依托火炬高新区、海沧区和翔安区，打造平板显示产业集聚带。\n", "厦门市", "厦门市平板显示产业链发展规划")
    assert {(p, c, r) for p, c, r in got} == {(p, "新型显示", "平板显示产业集聚带") for p in ("厦门火炬高新区", "海沧区", "翔安区")}


def test_a_strong_develop_verb_gives_a_focus_even_outside_the_taxonomy():
    got = roles("上海市集成电路产业发展规划\n临港新片区重点布局装备材料，闵行区发展了一批集成电路企业。\n", "上海市", "上海市集成电路产业发展规划")
    assert got == {("上海临港新片区", "半导体与集成电路", "重点布局装备材料")}  # 发展了: news of the past, no layout
    beijing = roles("北京市医药健康产业发展规划\n昌平区重点建设生命科学园。\n", "北京市", "北京市医药健康产业发展规划")
    assert {(p, r) for p, _, r in beijing} == {("昌平区", "生命科学园")}


@pytest.mark.parametrize("sentence", [
    "滨江区是全国首个数字经济示范区。",
    "拱墅区为全国文明城区。",
    "上城区、拱墅区成为全省首批数字经济创新发展试验区。",
    "余杭区是2023年全省数字经济增速最快的区县。",
    "西湖区重点发展的企业数量达到100家。",
])
def test_titles_and_rankings_a_place_holds_are_not_roles(sentence):
    assert roles("杭州市数字经济发展规划\n" + sentence + "\n", "杭州市", "杭州市数字经济发展规划") == set()


# --- roles named by the place before them, more verbs, roles stated first -------------------------


def test_a_verb_before_places_that_name_their_role_nouns_gives_each_place_its_own():
    got = roles("加快建设望城区航空动力产业园和开福区软件产业园。\n", "长沙市")
    assert got == {("望城区", "航空航天", "航空动力产业园"), ("开福区", "软件与信息服务", "软件产业园")}
    tail = roles("推进岳麓区软件产业园、雨花区智能装备城建设。\n", "长沙市")
    assert {(p, r) for p, _, r in tail} == {("岳麓区", "软件产业园"), ("雨花区", "智能装备城")}  # 建设 after the list
    counted = roles("做优天心区、开福区两大数字经济板块。\n", "长沙市")
    assert counted == {("天心区", "数字经济", "数字经济板块"), ("开福区", "数字经济", "数字经济板块")}  # 两大 is no part of it


def test_a_place_named_before_its_role_keeps_the_role_the_next_clause_states():
    got = roles("推进青白江区国际铁路港建设，打造内陆开放门户。\n", "成都市")
    assert {(p, r) for p, _, r in got} == {("青白江区", "国际铁路港"), ("青白江区", "内陆开放门户")}


@pytest.mark.parametrize("sentence", ["推动岳麓区产业转型升级。", "支持开福区做强商圈能级。", "加快雨花区发展。"])
def test_a_predicate_after_the_place_is_no_role_it_names(sentence):
    assert roles(sentence + "\n", "长沙市") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("望城区积极承接电子信息配套项目。", ("望城区", "电子信息", "积极承接电子信息配套项目")),
        ("在宁乡市布局储能装备项目。", ("宁乡市", "新型储能", "布局储能装备项目")),
        ("芙蓉区着力构筑数字经济高地。", ("芙蓉区", "数字经济", "数字经济高地")),
        ("岳麓区要当好人工智能产业主战场。", ("岳麓区", "人工智能", "人工智能产业主战场")),
        ("浏阳市侧重烟花爆竹新材料。", ("浏阳市", "新材料", "侧重烟花爆竹新材料")),
        ("雨花区重点配套整车企业。", ("雨花区", "汽车", "重点配套整车企业")),
    ],
)
def test_verbs_that_give_a_place_its_industries(sentence, expected):
    assert expected in roles(sentence + "\n", "长沙市")


def test_a_role_stated_before_the_place_it_belongs_to():
    got = roles("作为全市生物医药产业引领区，岳麓区将加快引进创新药企业。\n", "长沙市")
    assert got == {("岳麓区", "生物医药", "生物医药产业引领区")}


def test_an_instrument_after_yi_gives_way_to_the_role_the_clause_states():
    got = roles("以雨花区为载体打造智能制造装备集聚区。\n", "长沙市")
    assert got == {("雨花区", "智能制造装备", "智能制造装备集聚区")}
    assert roles("以黄埔区为支撑，番禺区、南沙区为两翼。\n", "广州市") == {
        ("黄埔区", "*", "支撑"), ("番禺区", "*", "两翼"), ("南沙区", "*", "两翼")}


def test_respectively_aligns_one_item_of_an_object_list_with_each_place_in_every_role():
    got = roles("开福区、天心区、雨花区分别聚焦文化创意、金融科技、汽车零部件，建设特色产业园区。\n", "长沙市")
    assert got == {("开福区", "数字创意", "特色产业园区"), ("天心区", "金融科技", "特色产业园区"), ("雨花区", "汽车", "特色产业园区")}
    led = roles("开福区和雨花区分别以人工智能、智能网联汽车为主攻方向，建设创新基地。\n", "长沙市")
    assert {(p, c) for p, c, _ in led} == {("开福区", "人工智能"), ("雨花区", "智能网联汽车")}
    assert {r for _, _, r in led} == {"主攻方向", "创新基地"}


def test_a_list_of_industries_that_opens_the_clause_is_its_subject():
    got = places("人工智能及软件信息服务产业主要集聚在岳麓区、天心区。\n", "长沙市")
    assert got == {(p, c) for p in ("岳麓区", "天心区") for c in ("人工智能", "软件与信息服务")}
    after_verb = places("围绕氢能、储能等新兴能源产业，在南沙区建设氢能产业基地。\n", "广州市")
    assert after_verb == {("南沙区", "氢能")}


def test_the_subject_before_a_colon_speaks_for_every_part_and_bare_labels_open_parts():
    got = roles("全市新材料产业按照“一核两翼”布局：一核为宁乡市；两翼为浏阳市、望城区。\n", "长沙市")
    assert got == {("宁乡市", "新材料", "一核"), ("浏阳市", "新材料", "两翼"), ("望城区", "新材料", "两翼")}
    assert roles("其中一区为开福区。\n", "长沙市") == set()  # a bare label takes 为 only where it opens a part


def test_a_label_before_a_dash_and_each_place_s_own_role_noun_after_a_label():
    dash = roles("“一核”——宁乡市先进储能材料核心区。\n", "长沙市")
    assert {(p, r) for p, _, r in dash} == {("宁乡市", "一核"), ("宁乡市", "先进储能材料核心区")}
    listed = roles("“两园”即宁乡市储能材料产业园、浏阳市电子信息产业园。\n", "长沙市")
    assert listed == {("宁乡市", "新型储能", "两园"), ("宁乡市", "新型储能", "储能材料产业园"),
                      ("浏阳市", "电子信息", "两园"), ("浏阳市", "电子信息", "电子信息产业园")}


def test_a_label_whose_link_word_ends_in_a_colon():
    """“三基地”分别为：甲县、乙县 — a link word and a colon together still introduce the label's places."""
    got = roles("打造“三基地”，“三基地”分别为：西平县、遂平县、汝南县。\n", "驻马店市")
    assert {(p, r) for p, _, r in got} == {("西平县", "三基地"), ("遂平县", "三基地"), ("汝南县", "三基地")}
    parks = roles("“两园”是指：汝阳县铝工业园、栾川县煤化工产业园。\n", "洛阳市")
    assert ("汝阳县", "有色金属", "铝工业园") in parks and ("栾川县", "绿色石化", "煤化工产业园") in parks


def test_a_numbered_heading_does_not_leak_into_a_label():
    got = roles("（一）一核：东湖高新区\n", "武汉市")
    assert {r for _, _, r in got} == {"一核"}


def test_a_long_qualified_alias_right_after_a_develop_verb_is_a_whole_item():
    got = roles("雨花区重点发展智能装备和生物医药。\n", "长沙市")
    assert {c for _, c, _ in got} == {"高端装备制造", "生物医药"}


# --- more zone names, labelled headings, tags, brackets and flattened tables ---------------------


@pytest.mark.parametrize(
    ("sentence", "city", "zone"),
    [
        ("长春汽开区重点发展整车制造。", "长春市", "长春汽车经开区"),
        ("长春汽车经济技术开发区重点发展整车制造。", "长春市", "长春汽车经开区"),  # the long form is the same zone
        ("山西综改示范区建设氢能产业基地。", "太原市", "山西综改示范区"),
        ("西安航天基地打造卫星应用产业集群。", "西安市", "西安航天基地"),
        ("中德生态园重点培育氢能产业。", "青岛市", "青岛中德生态园"),
    ],
)
def test_more_generic_zone_names(sentence, city, zone):
    assert zone in {p for p, _ in places(sentence + "\n", city)}


def test_an_industry_before_a_base_makes_no_zone():
    assert roles("建设通用航空基地。\n", "成都市") == set()


def test_a_heading_that_labels_a_place_scopes_the_lines_below():
    got = roles("（一）一核：东湖高新区\n建设光电子信息产业核心区。\n", "武汉市")
    assert got == {("武汉东湖高新区", "*", "一核"), ("武汉东湖高新区", "光电子", "光电子信息产业核心区")}


def test_a_bracketed_place_tag_opens_a_block_for_the_sentences_after_it():
    got = places("【鹿泉区】功能定位：全省电子信息产业核心区。主导产业：光电子、卫星导航。\n【栾城区】\n主导产业：生物医药。\n", "石家庄市")
    assert got == {("鹿泉区", "电子信息"), ("鹿泉区", "光电子"), ("鹿泉区", "航空航天"), ("栾城区", "生物医药")}
    other = roles("【重点任务】\n鹿泉区建设光电子产业园。\n", "石家庄市")  # a tag that names no place changes nothing
    assert other == {("鹿泉区", "光电子", "光电子产业园")}


def test_a_bracket_of_an_unlisted_industry_counts_beside_brackets_of_known_ones():
    got = places("以乐清市（电气）、瑞安市（汽摩配）为重点，建设先进制造业基地。\n", "温州市")
    assert got == {("乐清市", "电气"), ("瑞安市", "汽车")}  # 电气 no longer takes its neighbour's 汽车
    alone = places("南山区（前海）、宝安区（空港）建设人工智能产业集聚区。\n", "深圳市")
    assert ("宝安区", "人工智能") in alone and ("宝安区", "空港") not in alone  # a bracket alone may say anything


@pytest.mark.parametrize(
    "table",
    [
        "区县 功能定位 主导产业\n北仑区 国际一流的绿色石化基地 石化、钢铁、汽车\n慈溪市 智能家电制造高地 智能家电\n",
        "区县 主导产业 功能定位\n北仑区 石化、钢铁、汽车 国际一流的绿色石化基地\n慈溪市 智能家电 智能家电制造高地\n",
    ],
)
def test_a_flattened_table_with_role_and_industry_columns_in_either_order(table):
    got = roles(table, "宁波市")
    assert got == {("北仑区", "绿色石化", "绿色石化基地"), ("北仑区", "钢铁", "绿色石化基地"),
                   ("北仑区", "汽车", "绿色石化基地"), ("慈溪市", "智能家电", "智能家电制造高地")}  # one space apart: read by columns


def test_row_numbers_a_flattened_table_ran_into_its_cells_are_dropped():
    table = "序号 板块 重点集群 发展定位\n1 昆山市 新型显示 全国重要的光电显示产业基地\n2 吴江区 光通信 光纤光缆制造高地\n"
    assert roles(table, "苏州市") == {("昆山市", "新型显示", "光电显示产业基地"), ("吴江区", "光电子", "光纤光缆制造高地")}
    flat = roles(table.replace(" ", ""), "苏州市")  # the same table run together by a web page
    assert flat == {("昆山市", "新型显示", "全国重要的光电显示产业基地"), ("吴江区", "光电子", "光纤光缆制造高地")}


# --- subjects over the role's own words, focus statements, functions, areas, joint roles -----------


def test_the_subject_speaks_for_a_broader_industry_the_role_names():
    got = places("新能源汽车产业重点在江宁区、溧水区布局整车项目，在六合区、高淳区布局零部件配套。\n", "南京市")
    assert got == {(p, "新能源汽车") for p in ("江宁区", "溧水区", "六合区", "高淳区")}  # not 汽车 from 整车


def test_a_role_naming_a_sibling_industry_of_the_plan_s_takes_its_own():
    got = roles("相城区建设医疗器械产业园。\n", "苏州市", "苏州市生物医药产业发展规划")
    assert got == {("相城区", "高端医疗器械", "医疗器械产业园")}


@pytest.mark.parametrize(
    ("sentence", "title", "expected"),
    [
        ("蜀山区以设计为主，包河区以封测为主。", "合肥市集成电路产业发展规划",
         {("蜀山区", "半导体与集成电路", "以设计为主"), ("包河区", "半导体与集成电路", "以封测为主")}),
        ("长安镇、塘厦镇承担智能终端组装配套功能。", GENERAL_TITLE,
         {("东莞长安镇", "智能终端", "智能终端组装配套功能"), ("东莞塘厦镇", "智能终端", "智能终端组装配套功能")}),
        ("松山湖片区将重点突破创新药和高端医疗器械。", GENERAL_TITLE,
         {("东莞松山湖片区", "生物医药", "重点突破创新药和高端医疗器械"), ("东莞松山湖片区", "高端医疗器械", "重点突破创新药和高端医疗器械")}),
        ("虎门镇重点培育气动元件。", GENERAL_TITLE, {("东莞虎门镇", "高端装备制造", "重点培育气动元件")}),
    ],
)
def test_focus_statements_functions_and_breakthroughs(sentence, title, expected):
    city = "合肥市" if "合肥" in title else "东莞市"
    assert roles(sentence + "\n", city, title) == expected


def test_an_area_the_places_make_up_is_their_role():
    got = roles("东部片区以龙泉驿区、简阳市为主，重点发展汽车和航空航天产业。\n", "成都市")
    assert {(p, r) for p, _, r in got} == {("龙泉驿区", "东部片区"), ("简阳市", "东部片区")}
    assert {c for _, c, _ in got} == {"汽车", "航空航天"}


def test_places_developing_together_share_the_role_they_build_jointly_only():
    joint = roles("推动锡山区与惠山区联动发展，共同打造高端装备制造走廊。\n", "无锡市")
    assert {(p, r) for p, _, r in joint} == {(p, r) for p in ("锡山区", "惠山区") for r in ("联动发展", "高端装备制造走廊")}
    aim = roles("推动智能终端产业向福田、罗湖等区集聚发展，打造全球智能终端产业高地。\n", "深圳市")
    assert {r for _, _, r in aim} == {"集聚发展"}  # the city's aim, not the districts' role


def test_a_verb_that_spreads_to_places_names_their_role_nouns():
    got = roles("以长春汽开区为龙头，辐射带动公主岭市、德惠市零部件园区。\n", "长春市")
    assert {(p, r) for p, _, r in got} == {("长春汽车经开区", "龙头"), ("公主岭市", "零部件园区"), ("德惠市", "零部件园区")}


# --- lists of industries, dash lists, respectively before the places, parts of one industry ---------


def test_a_long_qualified_alias_after_a_conjunction_is_a_whole_item():
    assert {c for _, c, _ in roles("兰州新区重点发展新材料和装备制造。\n", "兰州市")} == {"新材料", "高端装备制造"}


def test_words_that_describe_industries_name_no_cluster_of_their_own():
    got = roles("永康市重点发展五金、电动工具等新兴产业，建设新能源汽车及配套产业基地。\n", "金华市")
    assert ("永康市", "新能源汽车", "新能源汽车及配套产业基地") in got
    assert {c for _, c, _ in got} <= {"新能源汽车", "高端装备制造"}  # no 新兴, no 配套 cluster; 电动工具 filed by 工具


def test_a_dash_before_a_list_of_industries_works_like_a_colon():
    got = places("仪征市—汽车、新材料；宝应县—食品、新能源。\n", "扬州市")
    assert got == {("仪征市", "汽车"), ("仪征市", "新材料"), ("宝应县", "食品"), ("宝应县", "新能源")}


def test_respectively_before_the_places_aligns_the_roles_after_them():
    got = roles("“两区”分别依托滨海新区、东丽区，打造航空航天产业区和新材料产业区。\n", "天津市")
    assert got == {("滨海新区", "航空航天", "航空航天产业区"), ("东丽区", "新材料", "新材料产业区")}


def test_respectively_over_parts_of_one_industry_gives_every_place_that_industry():
    got = places("汉阳区、蔡甸区分别重点发展新能源汽车整车和关键零部件。\n", "武汉市")
    assert got == {("汉阳区", "新能源汽车"), ("蔡甸区", "新能源汽车")}  # 关键零部件 is no cluster of its own


def test_a_feature_industry_and_a_focus_of_several_industries():
    featured = roles("睢宁县以新材料产业为特色，建设高端纺织产业园。\n", "徐州市")
    assert featured == {("睢宁县", "新材料", "特色"), ("睢宁县", "纺织服装", "高端纺织产业园")}
    mainly = places("海港区以汽车零部件、粮油食品加工为主。\n", "秦皇岛市")
    assert mainly == {("海港区", "汽车"), ("海港区", "食品")}


def test_a_word_of_a_cluster_s_name_in_the_same_role_is_no_second_cluster():
    assert roles("肥西县建设新能源汽车研发和整车制造基地。\n", "合肥市") == {("肥西县", "新能源汽车", "新能源汽车研发和整车制造基地")}


def test_a_layout_part_keeps_the_role_the_rest_of_its_part_states():
    got = roles("以钱塘区为主体，打造生物医药产业核心区；余杭区重点发展医疗器械。\n", "杭州市")
    assert got == {("钱塘区", "生物医药", "主体"), ("钱塘区", "生物医药", "生物医药产业核心区"), ("余杭区", "高端医疗器械", "重点发展医疗器械")}


def test_a_flattened_numbered_table_with_the_industry_before_the_places():
    table = "重点产业集群布局表\n序号 产业集群 主要承载地 功能定位\n1 输变电装备 衡阳高新区、雁峰区 全国重要的输变电装备制造基地\n2 有色金属 常宁市、耒阳市 有色金属精深加工基地\n"
    assert roles(table, "衡阳市") == {
        ("衡阳高新区", "节能与新能源装备", "输变电装备制造基地"), ("雁峰区", "节能与新能源装备", "输变电装备制造基地"),
        ("常宁市", "有色金属", "有色金属精深加工基地"), ("耒阳市", "有色金属", "有色金属精深加工基地"),
    }


def test_a_named_park_right_after_the_verb_is_the_role_of_the_place_before_it():
    got = roles("株洲高新区聚焦中小航空发动机，建设中国动力谷航空产业园。\n", "株洲市")
    assert got == {("株洲高新区", "航空航天", "中国动力谷航空产业园")}
    park = roles("岳阳楼区着力发展现代物流和电子商务，建设城陵矶港口物流园。\n", "岳阳市")
    assert ("岳阳楼区", "现代物流", "城陵矶港口物流园") in park


def test_industries_around_which_a_place_builds_with_their_count_dropped():
    got = places("嘉善县围绕通信电子、精密机械两大主导产业，打造长三角数字经济先行区。\n", "嘉兴市")
    assert got == {("嘉善县", "电子信息"), ("嘉善县", "高端装备制造"), ("嘉善县", "数字经济")}


def test_a_label_over_places_given_industries_respectively_is_given_per_place_too():
    got = roles("“两翼”为播州区和仁怀市，分别打造装备制造和白酒产业集聚区。\n", "遵义市")
    assert {(p, c, r) for p, c, r in got if r == "两翼"} == {("播州区", "高端装备制造", "两翼"), ("仁怀市", "食品", "两翼")}


def test_an_area_word_after_the_places_is_no_role():
    got = roles("“一核”为红花岗区、汇川区中心城区，重点发展数字经济。\n", "遵义市")
    assert {r for _, _, r in got} == {"一核", "重点发展数字经济"}  # what the places develop, never 中心城区


# --- subjects after the city's name, compound subjects, parallel parts, same-name counties ----------


def test_the_subject_after_the_city_s_own_name():
    assert places("六盘水市钢铁产业以钟山区为重点。\n", "六盘水市") == {("钟山区", "钢铁")}
    assert places("石嘴山市的新材料产业以平罗县为主要载体。\n", "石嘴山市") == {("平罗县", "新材料")}


def test_a_compound_subject_keeps_the_industry_it_names():
    assert places("冶金及深加工产业以老边区、鲅鱼圈区为主要承载区。\n", "营口市") == {("老边区", "钢铁"), ("鲅鱼圈区", "钢铁")}


def test_a_parallel_part_after_a_semicolon_keeps_the_sentence_s_industry():
    got = roles("清洁能源装备产业以旌阳区为核心区；广汉市、什邡市为配套区。\n", "德阳市")
    assert {(p, r) for p, _, r in got} == {("旌阳区", "核心区"), ("广汉市", "配套区"), ("什邡市", "配套区")}
    assert len({c for _, c, _ in got}) == 1


def test_the_city_s_own_name_is_not_its_county_of_the_same_name():
    assert places("吉安市电子信息产业以井冈山经开区为核心。\n", "吉安市") == {("吉安井冈山经开区", "电子信息")}
    assert places("吉安县重点发展电子信息产业。\n", "吉安市") == {("吉安县", "电子信息")}


def test_respectively_gives_distinct_industries_their_own_and_a_role_s_own_list_aligns():
    got = places("定陶区、鄄城县、巨野县分别聚焦中药饮片、医用辅料和医疗器械。\n", "菏泽市")
    assert got == {("定陶区", "生物医药"), ("鄄城县", "医用辅料"), ("巨野县", "高端医疗器械")}
    listed = places("任城区、兖州区、邹城市分别打造挖掘机及关键零部件、矿山装备、农机装备制造基地。\n", "济宁市")
    assert listed == {("任城区", "挖掘机及关键零部件"), ("兖州区", "高端装备制造"), ("邹城市", "农机装备")}


def test_high_technology_zones_and_names_that_begin_with_a_double():
    assert places("威海火炬高技术产业开发区重点发展新一代信息技术。\n", "威海市") == {("威海火炬高新区", "新一代信息技术")}
    assert places("峰峰矿区重点发展新材料产业。\n", "邯郸市") == {("峰峰矿区", "新材料")}
    assert places("南南山区重点发展人工智能产业。\n", "深圳市") == {("南山区", "人工智能")}  # a typo double still goes


def test_labels_over_places_along_a_line_and_places_bracketed_after_their_role():
    along = roles("两带：沿京沪铁路的平原县、禹城市、齐河县形成风光储装备制造带。\n", "德州市")
    assert {(p, r) for p, _, r in along} == {(p, r) for p in ("平原县", "禹城市", "齐河县") for r in ("两带", "风光储装备制造带")}
    bracketed = roles("“一核”为尼龙新材料产业集聚区（卫东区、湛河区）。\n", "平顶山市")
    assert {(p, r) for p, _, r in bracketed} == {(p, r) for p in ("卫东区", "湛河区") for r in ("一核", "尼龙新材料产业集聚区")}


def test_a_place_s_industries_stated_in_a_later_clause_before_its_role():
    got = places("泰州医药高新区要发挥“中国医药城”龙头作用，重点发展生物制药、高端医疗器械，打造大健康产业高地。\n", "泰州市")
    assert got == {("泰州医药高新区", "生物医药"), ("泰州医药高新区", "高端医疗器械"), ("泰州医药高新区", "大健康")}


def test_industries_extended_towards_places_and_awards_are_no_roles():
    assert places("推动有色金属产业向东昌府区、阳谷县延伸布局。\n", "聊城市") == {("东昌府区", "有色金属"), ("阳谷县", "有色金属")}
    assert roles("旌阳区获评营商环境建设先进区。\n", "德阳市") == set()
    assert roles("旌阳区被评为营商环境建设先进区。\n", "德阳市") == set()


def test_parks_counted_before_the_places_named_as_them():
    got = places("益阳市培育三个百亿级产业园区，分别为益阳高新区（电子信息）、赫山区（装备制造）、桃江县（竹产业）。\n", "益阳市")
    assert got == {("益阳高新区", "电子信息"), ("赫山区", "高端装备制造"), ("桃江县", "家居")}
    assert {r for _, _, r in roles("益阳市培育三个百亿级产业园区，分别为益阳高新区、赫山区。\n", "益阳市")} == {"百亿级产业园区"}


def test_parks_of_places_a_plan_relies_on():
    got = roles("石化产业重点依托大庆高新区、龙凤区和大同区的化工园区，延伸发展高端聚烯烃。\n", "大庆市")
    assert {(p, r) for p, _, r in got} == {(p, "化工园区") for p in ("大庆高新区", "龙凤区", "大同区")}
    assert "创新资源" not in {r for _, _, r in roles("依托南山区创新资源，加快发展人工智能。\n", "深圳市")}  # a resource, no park


def test_a_free_trade_area_after_a_verb_and_a_base_with_its_county_in_brackets():
    assert places("钦州市依托中国（广西）自由贸易试验区钦州港片区，重点发展石油化工。\n", "钦州市") == {("广西自贸试验区钦州港片区", "绿色石化")}
    assert roles("舟山市绿色石化产业依托舟山绿色石化基地（岱山县鱼山岛）推进炼化一体化。\n", "舟山市") == {("岱山县", "绿色石化", "舟山绿色石化基地")}


def test_places_developing_together_in_named_industries():
    got = places("淮安高新区、清江浦区协同发展集成电路设计及软件服务。\n", "淮安市")
    assert got == {(p, c) for p in ("淮安高新区", "清江浦区") for c in ("半导体与集成电路", "软件与信息服务")}


@pytest.mark.parametrize(
    ("sentence", "city", "zone"),
    [("榆神工业区重点发展现代煤化工。", "榆林市", "榆林榆神工业区"), ("开封城乡一体化示范区重点发展汽车零部件。", "开封市", "开封城乡一体化示范区")],
)
def test_industrial_areas_and_integration_zones(sentence, city, zone):
    assert zone in {p for p, _ in places(sentence + "\n", city)}


def test_an_old_industrial_area_is_no_zone():
    assert roles("推进老工业区搬迁改造，建设城市更新示范区。\n", "成都市") == set()


@pytest.mark.parametrize(
    ("title", "cluster"),
    [
        ("青岛市“十四五”海洋经济发展规划", "海洋经济"),
        ("关于印发《关于加快推动纺织化纤产业高质量发展的若干措施》的通知", "纺织化纤"),
        ("哈尔滨市县域经济高质量发展规划", "*"),
        ("海口市高新技术产业发展规划", "*"),
        ("西安市人工智能与数字经济发展规划", "*"),  # two industries: no single scope
        ("深圳市培育发展网络与通信产业集群行动计划（2022-2025年）", "网络与通信"),  # one cluster's name with 与
        ("洛阳市高端装备制造业发展行动计划", "高端装备制造"),  # …制造业 names a cluster the taxonomy knows
        ("深圳市关于推动制造业高质量发展的实施意见", "*"),  # manufacturing at large
    ],
)
def test_a_plan_title_s_cluster_leaves_out_periods_verbs_and_generic_words(title, cluster):
    from geo.ingest.plans import cluster_from_title

    assert cluster_from_title(title) == cluster


def test_a_table_typed_one_row_per_line_keeps_its_rows():
    text = "产业链；重点区域；功能定位\n高端装备；任城区、兖州区；工程机械及关键零部件生产基地\n新材料；邹城市、嘉祥县；纤维新材料基地\n"
    assert normalize(text).split("\n")[:3] == ["产业链；重点区域；功能定位", "高端装备；任城区、兖州区；工程机械及关键零部件生产基地", "新材料；邹城市、嘉祥县；纤维新材料基地"]
    assert roles(text, "济宁市") == {
        ("任城区", "高端装备制造", "工程机械及关键零部件生产基地"), ("兖州区", "高端装备制造", "工程机械及关键零部件生产基地"),
        ("邹城市", "新材料", "纤维新材料基地"), ("嘉祥县", "新材料", "纤维新材料基地"),
    }
    prose = "甲方案提出：一是完善标准体系；二是加强人才培养；三是优化营商\n环境，推动产业升级。\n"
    assert normalize(prose) == "甲方案提出：一是完善标准体系；二是加强人才培养；三是优化营商环境，推动产业升级。\n"  # a sentence still joins


def test_a_broad_plan_s_places_keep_the_industries_they_are_given_and_a_narrow_plan_s_keep_its_own():
    broad = places("白云区做强铝及铝加工产业，观山湖区发展大数据产业。\n", "贵阳市", "贵阳市数字经济发展规划")
    assert broad == {("白云区", "有色金属"), ("观山湖区", "大数据")}
    narrow = places("（二）光电子信息产业\n江夏区积极承接光学镜头等配套项目。\n", "武汉市")
    assert narrow == {("江夏区", "光电子")}  # the heading's industry: 光学镜头 is one of its products
    sea = places("南山区重点发展海洋电子信息业。\n", "深圳市", "深圳市培育发展海洋产业集群行动计划（2022-2025年）")
    assert sea == {("南山区", "海洋")}  # 海洋电子信息 is the marine plan's own


def test_a_narrow_plan_s_place_developing_an_industry_of_another_kind_names_it():
    got = places("黄岛区重点发展海洋装备和冷链物流。\n", "青岛市", "青岛市海洋经济发展规划")
    assert got == {("黄岛区", "海洋"), ("黄岛区", "现代物流")}  # 海洋装备 is the plan's own, 冷链物流 is not
    got = places("天府新区布局软件和信息服务。\n", "成都市", "成都市电子信息产业建圈强链行动方案")
    assert got == {("成都天府新区", "软件与信息服务")}


def test_a_bare_layout_word_keeps_the_role_the_rest_of_its_part_states():
    got = roles("一核：以西安高新区为核心，集聚半导体和智能终端，建设国家硬科技创新示范区。\n", "西安市")
    assert {r for _, _, r in got} == {"核心", "国家硬科技创新示范区"}


def test_the_city_s_bare_short_name_is_the_city_not_its_same_name_county():
    got = places("南昌VR科创城重点发展虚拟现实产业。南昌县重点发展汽车产业。\n", "南昌市")
    assert ("南昌县", "虚拟现实") not in got and ("南昌县", "汽车") in got


@pytest.mark.parametrize(
    ("sentence", "city", "zone"),
    [
        ("长兴岛经济区重点发展绿色石化产业。", "大连市", "大连长兴岛经济区"),
        ("江宁高新园重点发展智能电网产业。", "南京市", "南京江宁高新区"),
        ("串联西安经开区、高陵区，建设渭河先进制造产业带。", "西安市", "西安经开区"),
    ],
)
def test_economic_zones_high_tech_parks_and_verbs_before_a_zone(sentence, city, zone):
    assert zone in {p for p, _ in places(sentence + "\n", city)}


def test_a_plan_s_scope_listing_its_counties_gives_no_roles():
    assert roles("本规划范围包括洛阳市辖区及偃师区、孟津区、新安县等县区。\n", "洛阳市") == set()
    assert roles("规划建设双流区航空动力产业园。\n", "成都市") == {("双流区", "航空航天", "航空动力产业园")}


def test_a_table_typed_with_bars_between_its_cells():
    text = "园区名称 | 所在辖市区 | 发展重点\n常州国家高新区 | 新北区 | 光伏组件、储能\n金坛经济开发区 | 金坛区 | 动力电池\n"
    assert places(text, "常州市") == {
        ("常州高新区", "新能源"), ("常州高新区", "新型储能"), ("常州金坛经开区", "动力电池"),
        ("新北区", "新能源"), ("新北区", "新型储能"), ("金坛区", "动力电池"),  # the district column is a column of places too
    }


def test_a_table_with_two_columns_of_places_gives_the_role_to_both_even_without_a_park():
    text = ("产业链｜重点园区｜主要布局地区｜发展定位\n"
            "有色金属｜包头铝业产业园区｜东河区、九原区｜国家级铝产业基地\n"
            "乳业｜—｜土默特右旗、达尔罕茂明安联合旗｜全国优质乳制品加工基地\n")
    assert roles(text, "包头市") == {
        ("包头铝业产业园区", "有色金属", "国家级铝产业基地"), ("东河区", "有色金属", "国家级铝产业基地"), ("九原区", "有色金属", "国家级铝产业基地"),
        ("土默特右旗", "食品", "全国优质乳制品加工基地"), ("达尔罕茂明安联合旗", "食品", "全国优质乳制品加工基地"),
    }


def test_the_role_stated_after_a_place_s_industries_is_its_role_in_each():
    text = "芙蓉区重点发展工业软件和网络安全，打造软件名城核心区。\n"
    assert roles(text, "长沙市") == {
        ("芙蓉区", "软件与信息服务", "软件名城核心区"),
        ("芙蓉区", "网络安全", "软件名城核心区"),  # not the words 重点发展…
    }


def test_where_an_industry_gathers_takes_the_role_stated_after_the_places():
    text = "锂电材料产业重点布局在宁乡市和浏阳市，依托长沙经济技术开发区，打造全国重要的储能材料基地。\n"
    got = roles(text, "长沙市")
    assert ("宁乡市", "新能源", "储能材料基地") in {(p, c, r) for p, c, r in got} or {(p, r) for p, _, r in got} >= {
        ("宁乡市", "储能材料基地"), ("浏阳市", "储能材料基地")}
    assert "集聚区" not in {r for _, _, r in got}


def test_a_place_heading_is_the_subject_of_a_sentence_whose_places_are_only_means():
    text = (
        "三、区县布局\n"
        "（一）雨花区。以雨花经济开发区为载体，重点发展智能装备，打造智能制造示范区。\n"
        "（二）天心区。发挥长沙高新区和综合保税区优势，发展数字内容，建设数字文创高地。\n"
    )
    got = roles(text, "长沙市")
    assert ("雨花区", "高端装备制造", "智能制造示范区") in got
    assert ("雨花区", "高端装备制造", "载体") not in got  # the park is the means, the district is not
    assert ("天心区", "数字创意", "数字文创高地") in got
    assert not any(p.endswith("综合保税区") or p == "长沙高新区" for p, _, _ in got)  # advantages drawn on, not hosts


def test_a_heading_that_names_two_places_scopes_both():
    text = "（三）望城区、长沙县。\n重点发展工程机械零部件，建设装备配套产业基地。\n"
    assert places(text, "长沙市") == {("望城区", "工程机械"), ("长沙县", "工程机械")}


def test_a_corridor_named_before_the_places_it_links_is_their_role():
    text = "两带：沿湘江智能制造产业带，串联岳麓区、望城区，重点发展新能源汽车；东部临空科创带，依托长沙县，发展航空物流。\n"
    got = roles(text, "长沙市")
    assert ("岳麓区", "新能源汽车", "湘江智能制造产业带") in got
    assert ("望城区", "新能源汽车", "湘江智能制造产业带") in got
    assert ("长沙县", "现代物流", "临空科创带") in got


def test_a_label_then_a_place_that_develops_without_a_role_noun():
    text = "多园：长沙经开区重点发展工程机械，望城经开区聚焦食品加工。\n"
    got = places(text, "长沙市")
    assert ("长沙经开区", "工程机械") in got and ("长沙望城经开区", "食品") in got
    assert ("长沙经开区", "食品") not in got


@pytest.mark.parametrize(
    ("sentence", "city", "zone"),
    [
        ("国际港务区重点发展现代物流。", "西安市", "西安国际港务区"),
        ("济南新旧动能转换起步区重点发展航空航天产业。", "济南市", "济南新旧动能转换起步区"),
    ],
)
def test_port_districts_and_start_up_areas_are_zones(sentence, city, zone):
    assert zone in {p for p, _ in places(sentence + "\n", city)}


def test_a_table_copied_with_tabs_keeps_its_cells_and_rows():
    text = (
        "现将各县（市、区）首位产业明确如下：\n"
        "序号\t县（市、区）\t首位产业\t发展定位\n"
        "1\t南康区\t现代家居\t全国家具产业转型升级示范区\n"
        "2\t石城县\t文化旅游\t赣江源头生态旅游目的地\n"
    )
    assert normalize(text).splitlines()[1] == "序号|县（市、区）|首位产业|发展定位"
    assert roles(text, "赣州市") == {
        ("南康区", "家居", "全国家具产业转型升级示范区"),
        ("石城县", "文化旅游", "赣江源头生态旅游目的地"),  # 目的地 is one word: no cut at its 的
    }


def test_a_table_with_full_width_bars_two_industry_columns_and_names_the_taxonomy_lacks():
    text = "序号｜县（市、区）｜首位产业｜主导产业\n1｜汇川区｜装备制造｜电子信息\n2｜正安县｜吉他制造｜食品\n注：首位产业为重点培育的产业。\n"
    assert places(text, "遵义市") == {
        ("汇川区", "高端装备制造"), ("汇川区", "电子信息"), ("正安县", "吉他制造"), ("正安县", "食品"),
    }


def test_a_two_column_table_between_bars_or_tabs():
    text = "区县\t主导产业\n秦州区\t电子信息、生物医药\n清水县\t食品\n各县区要围绕主导产业精准招商。\n"
    assert places(text, "天水市") == {("秦州区", "电子信息"), ("秦州区", "生物医药"), ("清水县", "食品")}


def test_tabs_in_a_lone_line_are_no_table():
    assert normalize("第一章\t总则\n本规划所称产业集群，是指……。\n").splitlines()[0] == "第一章总则"


def test_a_news_headline_s_stem_names_the_one_cluster_in_it():
    title = "长沙出台工程机械产业发展行动方案 雨花区唱主角"
    assert places("雨花区重点建设工程机械再制造基地。\n", "长沙市", title) == {("雨花区", "工程机械")}
    assert places("望城区重点发展鲜切花种植，建设花卉生产基地。\n", "长沙市") == {("望城区", "现代农业")}


def test_a_table_from_a_pdf_with_columns_set_apart_by_spaces():
    text = (
        "附件 各县（市、区）主导产业及功能定位\n"
        "序号  县（市、区）    主导产业        功能定位\n"
        "1     宣威市          火腿及肉制品    全国知名火腿加工基地\n"
        "2     会泽县          铅锌精深加工    滇东北铅锌精深加工基地\n"
    )
    assert normalize(text).splitlines()[2] == "1|宣威市|火腿及肉制品|全国知名火腿加工基地"
    assert places(text, "曲靖市") == {("宣威市", "食品"), ("会泽县", "有色金属")}
    prose = "宣威市  重点发展食品加工，\n会泽县  重点发展铅锌加工。\n"  # one wide gap a line: no table
    assert "|" not in normalize(prose)


def test_a_count_allocation_with_a_new_area_and_each_one():
    text = "规划建设8个动力电池特色园区，其中宜宾三江新区3个、叙州区2个，屏山县、南溪区、江安县各1个。\n"
    assert {p for p, _ in places(text, "宜宾市")} == {"宜宾三江新区", "叙州区", "屏山县", "南溪区", "江安县"}
    assert {r for _, _, r in roles(text, "宜宾市")} == {"动力电池特色园区"}


def test_a_park_named_for_what_it_makes_is_a_role_not_a_zone():
    got = roles("叙州区、南溪区共同建设储能电池及系统集成产业园。\n", "宜宾市")
    assert {(p, r) for p, _, r in got} == {("叙州区", "储能电池及系统集成产业园"), ("南溪区", "储能电池及系统集成产业园")}
    got = roles("新都区打造航空发动机及零部件产业园区。\n", "成都市")
    assert {p for p, _, _ in got} == {"新都区"}


def test_a_heading_that_opens_with_a_verb_names_the_industry_after_it():
    text = "第二节 做优香菇全产业链\n西峡县重点发展香菇精深加工，建设全国香菇出口加工基地。\n"
    assert places(text, "南阳市") == {("西峡县", "食品")}


def test_steel_for_an_industry_is_steel():
    got = places("柳北区重点发展汽车用钢、工程机械用钢等高端板材，建设西南地区精品钢材生产基地。\n", "柳州市")
    assert got == {("柳北区", "钢铁")}


def test_respectively_with_items_that_each_join_two_industries():
    text = "西宁经济技术开发区下辖东川工业园、甘河工业园、南川工业园三个园区，分别重点发展光伏制造和锂电材料、有色冶金和新型建材、新能源新材料。\n"
    got = {(p, c, r) for p, c, r in roles(text, "西宁市") if p != "西宁经开区"}
    assert ("西宁东川工业园", "新能源", "光伏制造和锂电材料") in got
    assert ("西宁东川工业园", "动力电池", "光伏制造和锂电材料") in got
    assert ("西宁甘河工业园", "建材", "有色冶金和新型建材") in got
    assert not any(p == "西宁甘河工业园" and c in ("新能源", "动力电池") for p, c, _ in got)


def test_tourism_roles_and_seaside_tourism_in_a_marine_plan():
    assert places("阳朔县建设世界级山水旅游度假区。\n", "桂林市") == {("阳朔县", "文化旅游")}
    sea = places("盐田区重点发展滨海旅游业，打造滨海度假区。\n", "深圳市", "深圳市培育发展海洋产业集群行动计划（2022-2025年）")
    assert sea == {("盐田区", "海洋")}


def test_an_industry_the_taxonomy_lacks_that_opens_a_part_is_its_subject():
    text = "智能家电产业以慈溪市为主体；模具产业以宁海县、北仑区为重点，建设国家模具产业示范基地。\n"
    got = places(text, "宁波市")
    assert got == {("慈溪市", "智能家电"), ("宁海县", "高端装备制造"), ("北仑区", "高端装备制造")}


def test_an_opening_phrase_does_not_hide_the_subject_of_a_parallel_layout():
    text = "在空间布局上，集成电路产业形成以东湖高新区为核心、江夏区和蔡甸区为支撑的发展格局。\n"
    assert places(text, "武汉市") == {("武汉东湖高新区", "半导体与集成电路"), ("江夏区", "半导体与集成电路"), ("蔡甸区", "半导体与集成电路")}


def test_the_kind_a_list_ends_with_counts_only_when_no_item_is_known():
    named = places("武昌区重点布局金融科技、数字创意等现代服务业。\n", "武汉市")
    assert named == {("武昌区", "金融科技"), ("武昌区", "数字创意")}
    unnamed = places("武昌区重点布局商务咨询、会展等现代服务业。\n", "武汉市")
    assert unnamed == {("武昌区", "相关服务业")}


def test_more_role_nouns_names_and_titles():
    got = roles("邛崃市、大邑县重点发展特色农产品加工，打造成都平原绿色食品加工带。\n", "成都市")
    assert got == {("邛崃市", "食品", "成都平原绿色食品加工带"), ("大邑县", "食品", "成都平原绿色食品加工带")}  # 打造 成都…, not 打造成 都…
    assert places("武侯区重点打造文创功能区。\n", "成都市") == {("武侯区", "数字创意")}
    title = "桂林市县域特色产业发展规划"  # a stem of generic words names no cluster
    assert places("全州县重点发展罗汉果精深加工，打造绿色食品加工带。\n", "桂林市", title) == {("全州县", "食品")}


def test_the_industry_whose_layout_a_sentence_forms_before_its_parts():
    text = "全市将形成“一核三带”的人工智能产业布局，其中“一核”为成都高新区，“三带”分别为龙泉驿区、新都区、温江区。\n"
    assert roles(text, "成都市") == {
        ("成都高新区", "人工智能", "一核"), ("龙泉驿区", "人工智能", "三带"), ("新都区", "人工智能", "三带"), ("温江区", "人工智能", "三带"),
    }


def test_a_label_over_places_whose_clause_goes_on_to_develop_respectively():
    text = "多园：鄠邑区、周至县、蓝田县结合资源禀赋，分别发展食品加工、猕猴桃深加工和生物医药。\n"
    got = roles(text, "西安市")
    assert ("鄠邑区", "食品", "食品加工") in got and ("蓝田县", "生物医药", "生物医药") in got
    assert ("周至县", "食品", "猕猴桃深加工") in got  # processing a farm product is food
    assert not any(p == "鄠邑区" and c == "生物医药" for p, c, _ in got)


def test_a_reprint_s_headline_run_into_its_first_paragraph_gives_no_role():
    title = "芜湖市加快打造新能源汽车产业集群 鸠江区、弋江区唱主角"
    text = title + "\n来源：芜湖日报　发布时间：2024-03-12\n记者从市经信局获悉，全市新能源汽车产业将形成“一核两区”布局。鸠江区作为核心区，重点发展整车制造。\n"
    got = roles(text, "芜湖市", title)
    assert got == {("鸠江区", "新能源汽车", "核心区")}  # not 弋江区, named only in the headline


def test_tourist_destinations_are_role_nouns():
    assert roles("4.高淳区。重点发展文旅康养，打造长三角生态旅游目的地。\n", "南京市") == {("高淳区", "文化旅游", "长三角生态旅游目的地")}


def test_a_place_before_a_colon_is_the_subject_when_the_part_names_places_only_as_means():
    got = places("安宁市：以安宁工业园区为载体，做强石油炼化和钢铁冶金，建设国家级石化产业基地。\n", "昆明市")
    assert ("安宁市", "绿色石化") in got and ("安宁市", "钢铁") in got


@pytest.mark.parametrize(
    ("sentence", "city", "zone"),
    [
        ("和林格尔新区重点承接数据中心，建设国家算力网络枢纽节点。", "呼和浩特市", "呼和浩特和林格尔新区"),  # 和 opens the name
        ("中国（南京）软件谷打造千亿级综合性软件产业基地。", "南京市", "南京软件谷"),
        ("广州国际生物岛建设生物医药创新策源区。", "广州市", "广州国际生物岛"),
    ],
)
def test_a_boundary_word_inside_a_place_s_name_does_not_cut_a_zone_s_prefix(sentence, city, zone):
    assert {p for p, _ in places(sentence + "\n", city)} == {zone}


def test_equipment_and_making_name_their_industry():
    assert places("潍城区、坊子区发展内燃机和动力装备。\n", "潍坊市") == {("潍城区", "高端装备制造"), ("坊子区", "高端装备制造")}
    assert places("清溪镇发展通信设备制造。\n", "东莞市") == {("东莞清溪镇", "网络与通信")}


def test_a_place_heading_with_its_park_in_brackets_scopes_both():
    text = "3.榆中县（和平生物医药产业园）。重点发展中药、生物制品和医疗器械，建设陇药产业核心区。\n"
    got = {p for p, _ in places(text, "兰州市")}
    assert got == {"榆中县", "兰州和平生物医药产业园"}  # 和 after a bracket joins nothing: it opens the park's name
    assert places("永登县重点发展绿色建材和农产品精深加工。\n", "兰州市") == {("永登县", "建材"), ("永登县", "食品")}


def test_an_industry_the_taxonomy_lacks_is_a_narrow_plan_s_product():
    got = places("余杭区聚焦数字医疗和医美产业。\n", "杭州市", "杭州市生物医药产业高质量发展行动计划")
    assert got == {("余杭区", "生物医药")}


def test_labels_that_name_an_area_then_list_places_and_a_new_label_ends_a_part():
    text = (
        "据了解，“一区”指国家现代煤化工产业示范区，主要包括准格尔旗大路工业园区、鄂托克前旗上海庙经济开发区；"
        "“三园”分别为伊金霍洛旗圣圆煤化工基地、达拉特经济开发区和蒙苏经济开发区。\n"
    )
    got = roles(text, "鄂尔多斯市", "鄂尔多斯市现代煤化工产业高质量发展实施方案")
    assert ("准格尔旗", "绿色石化", "国家现代煤化工产业示范区") in got
    assert ("鄂尔多斯达拉特经开区", "绿色石化", "三园") in got and ("鄂尔多斯蒙苏经开区", "绿色石化", "三园") in got
    assert not any(p == "准格尔旗" and "三园" in r or "达拉特" in r for p, _, r in got)  # no role from the next label's part


def test_parts_a_place_makes_for_the_scope_s_industry_are_no_industry_of_their_own():
    text = "一、轨道交通装备产业\n株洲高新区重点发展牵引变流系统和功率半导体器件，建设轨道交通关键零部件研发制造基地。\n"
    assert places(text, "株洲市") == {("株洲高新区", "轨道交通装备")}
    other = "一、轨道交通装备产业\n天元区重点发展功率半导体器件，建设功率器件产业园。\n"
    assert ("天元区", "半导体与集成电路") in places(other, "株洲市")  # a role of another kind keeps its industry


def test_places_then_a_colon_then_a_bare_role_noun_and_a_subject_before_a_dash():
    text = "● 新能源汽车——武汉经开区：整车制造核心区；蔡甸区、汉南区：零部件配套区。\n"
    got = roles(text, "武汉市")
    assert ("蔡甸区", "新能源汽车", "零部件配套区") in got and ("汉南区", "新能源汽车", "零部件配套区") in got


def test_an_industry_that_gathers_in_places():
    assert roles("新能源汽车产业在江宁区、溧水区形成集聚。\n", "南京市") == {("江宁区", "新能源汽车", "集聚区"), ("溧水区", "新能源汽车", "集聚区")}


def test_a_two_column_table_set_apart_by_spaces_and_a_column_of_where_it_is_carried():
    text = "产业          主要布局区域\n人工智能      合肥高新区、蜀山区\n智能家电      合肥经开区、瑶海区\n"
    assert places(text, "合肥市") == {("合肥高新区", "人工智能"), ("蜀山区", "人工智能"), ("合肥经开区", "智能家电"), ("瑶海区", "智能家电")}
    tabbed = "产业链\t主要承载地\t功能定位\n氢能\t郫都区、新都区\t氢能产业功能区\n动力电池\t新津区\t锂电产业集聚区\n"
    assert ("郫都区", "氢能", "氢能产业功能区") in roles(tabbed, "成都市")
    assert "|" not in normalize("第一章  总则\n第一节  目标\n")  # two such lines are headings, not a table


@pytest.mark.parametrize(
    ("title", "cluster"),
    [
        ("合肥出台未来产业发展行动方案", "未来产业"),  # a headline's verb
        ("厦门机械装备产业集群发展行动计划", "高端装备制造"),  # a city's short name, and equipment
        ("湛江市临港产业发展规划", "*"),  # where, not what
        ("成都市文旅康养产业发展规划", "*"),  # two clusters: the sentences say which
        ("柳州市加快推进产业集群发展的实施意见（摘要）", "*"),  # verbs only, no industry
        ("合肥市推进新能源汽车产业发展行动方案", "新能源汽车"),
    ],
)
def test_title_stems_of_headlines_city_names_and_generic_words(title, cluster):
    got = {c for _, c in places("湖里区建设产业发展核心区。\n", "厦门市", title)}
    assert got == {cluster}


def test_supporting_industry_for_a_known_one():
    assert places("富阳区、临安区发展智能装备配套产业。\n", "杭州市") == {("富阳区", "高端装备制造"), ("临安区", "高端装备制造")}


def test_a_role_naming_its_city_and_an_unlisted_industry_and_a_generic_heading():
    text = "集美区、同安区共同建设厦门机械装备产业集聚区。\n"
    assert places(text, "厦门市") == {("集美区", "高端装备制造"), ("同安区", "高端装备制造")}
    heading = "4.县域特色产业。滦南县做大钢锹工具产业，打造全国钢锹产业基地。\n"
    assert places(heading, "唐山市") == {("滦南县", "钢锹")}  # 县域特色 names no industry; the role names 钢锹


def test_a_leading_industries_label_over_places_with_their_industries_in_brackets():
    text = "方案明确了各开发区主导产业：西安经开区（汽车、新材料）、西安国际港务区（现代物流、跨境电商）。\n"
    assert roles(text, "西安市") == {
        ("西安经开区", "汽车", "主导产业"), ("西安经开区", "新材料", "主导产业"),
        ("西安国际港务区", "现代物流", "主导产业"), ("西安国际港务区", "电子商务", "主导产业"),
    }


def test_a_table_whose_place_columns_are_named_by_their_role():
    text = (
        "产业链            核心承载区            协同发展区\n"
        "光子产业          西安高新区            长安区、西咸新区\n"
        "汽车              西安经开区、高陵区    鄠邑区、阎良区\n"
    )
    got = roles(text, "西安市")
    assert ("西安高新区", "光电子", "核心承载区") in got and ("长安区", "光电子", "协同发展区") in got
    assert ("高陵区", "汽车", "核心承载区") in got and ("阎良区", "汽车", "协同发展区") in got


def test_a_table_row_naming_an_unknown_place_does_not_end_the_table():
    text = ("附表 重点园区定位\n| 园区 | 主导产业 | 发展定位 |\n|---|---|---|\n| 某某循环经济示范园区 | 精细化工 | 化工新材料基地 |\n"
            "| 铜陵经济技术开发区 | 电子信息 | 电子材料产业基地 |\n")
    assert roles(text, "铜陵市") == {("铜陵经开区", "电子信息", "电子材料产业基地")}  # 铜陵 is the city, though 铜 opens 有色金属's name


def test_a_markdown_table_with_its_rule_row():
    text = "| 区域 | 主导产业 | 发展定位 |\n| --- | --- | --- |\n| 寿光市 | 现代农业 | 全国蔬菜种业创新高地 |\n| 诸城市 | 汽车及零部件 | 商用车及零部件制造基地 |\n"
    assert roles(text, "潍坊市") == {("寿光市", "现代农业", "全国蔬菜种业创新高地"), ("诸城市", "汽车", "商用车及零部件制造基地")}


def test_list_lines_that_put_a_place_before_a_colon_stay_apart():
    text = "五、重点布局区域\n长春高新技术产业开发区：卫星及空间信息产业基地\n净月高新技术产业开发区：数字经济和数字创意产业集聚区\n"
    assert normalize(text).splitlines()[1:] == ["长春高新技术产业开发区：卫星及空间信息产业基地", "净月高新技术产业开发区：数字经济和数字创意产业集聚区"]
    assert {(p, r) for p, _, r in roles(text, "长春市")} == {("长春高新区", "卫星及空间信息产业基地"), ("长春净月高新区", "数字经济和数字创意产业集聚区")}


def test_a_paragraph_that_opens_with_a_bare_place_is_about_it():
    text = "金普新区。依托大孤山半岛船舶修造基础，重点发展海洋工程装备，打造船舶与海洋工程装备制造集聚区。\n旅顺口区。发挥旅顺经济开发区装备制造优势，建设船舶配套产业园。\n"
    got = roles(text, "大连市")
    assert ("大连金普新区", "海洋工程装备", "船舶与海洋工程装备制造集聚区") in got
    assert ("旅顺口区", "*", "船舶配套产业园") in got or ("旅顺口区", "海洋工程装备", "船舶配套产业园") in got
    assert not any(p.startswith("大连旅顺") for p, _, _ in got)  # the zone drawn on is no place of the role


def test_an_area_made_of_part_of_its_places():
    text = "“三区”即南部生态经济区和北部滨海产业区，其中北部滨海产业区以寿光市、昌邑市沿海区域为主体。\n"
    assert {(p, r) for p, _, r in roles(text, "潍坊市")} == {("寿光市", "北部滨海产业区"), ("昌邑市", "北部滨海产业区")}


def test_industries_the_taxonomy_does_not_list_are_filed_by_their_head_word():
    """Plans name products far more often than clusters: the longest word that ends the product's name, after its
    activity (种植, 精深加工, 资源综合利用, 原材料), files it under the taxonomy's cluster; a name no head word ends keeps
    its own name."""
    m = matcher()
    assert {n: m.file(n).name for n in ("白茶", "六堡茶", "蚕桑丝绸", "超硬材料", "铝镁精深加工", "锂资源综合利用", "螺蛳粉原材料")} == {
        "白茶": "食品", "六堡茶": "食品", "蚕桑丝绸": "纺织服装", "超硬材料": "新材料", "铝镁精深加工": "有色金属",
        "锂资源综合利用": "有色金属", "螺蛳粉原材料": "食品",
    }
    assert m.file("装备配套").name == "高端装备制造" and m.file("卫星及应用").name == "航空航天"  # parts, supplies and uses of X are X's
    assert m.file("玉米发酵").name == "生物" and m.file("裘皮").name == "现代时尚"
    assert m.file("农副产品加工").name == "食品" and m.file("特色农业").name == "现代农业" and m.file("PCB电子电路").name == "电子元器件"
    assert m.file("耐火材料").name == "建材" and m.file("玻璃钢").name == "新材料"  # the longest head wins: not 新材料, not 钢铁
    assert m.file("吉他制造").name == "吉他制造" and m.filed("吉他制造") is None


def test_a_role_that_names_only_products_is_filed_under_their_cluster():
    assert roles("信丰县建设全国脐橙全产业链示范基地。\n", "赣州市") == {("信丰县", "食品", "全国脐橙全产业链示范基地")}
    assert roles("沈丘县打造中国清真牛肉之乡。\n", "周口市") == {("沈丘县", "食品", "中国清真牛肉之乡")}
    assert places("奉节县、云阳县共同形成沿江脐橙产业带。\n", "重庆市") == {("奉节县", "食品"), ("云阳县", "食品")}
    assert roles("宁陕县重点发展猪苓种植和天麻加工。\n", "安康市") == {("宁陕县", "生物医药", "重点发展猪苓种植和天麻加工")}
    assert roles("庄河市聚焦海珍品养殖，加快建设“中国海参之乡”。\n", "大连市") == {("庄河市", "食品", "中国海参之乡")}
    dashed = places("重点产业空间布局如下：\n焦化：孝义市、交城县——吕梁焦化产业基地；\n", "吕梁市")
    assert dashed == {("孝义市", "绿色石化"), ("交城县", "绿色石化")}  # the role's last words, after the places and the dash
    assert places("定兴县重点发展总部经济。\n", "保定市") == {("定兴县", "*")}  # no head word: still a role, in no cluster


def test_a_section_of_a_product_takes_the_product_s_words_as_its_own():
    text = "（三）黑茶产业\n安化县建设黑茶产业核心区。\n（四）黄金产业\n潼关县提升黄金冶炼水平，延伸发展黄金珠宝加工，建设黄金产业基地。\n"
    assert places(text.split("（四）")[0], "益阳市") == {("安化县", "食品")}
    assert places("（四）" + text.split("（四）")[1], "渭南市") == {("潼关县", "有色金属")}  # 黄金珠宝 is the section's, not 现代时尚


def test_apparel_is_textiles_and_apparel_not_fashion_at_large():
    assert places("即墨区重点发展休闲服装产业。\n", "青岛市") == {("即墨区", "纺织服装")}
    assert places("即墨区重点发展珠宝首饰产业。\n", "青岛市") == {("即墨区", "现代时尚")}


def test_respectively_after_the_role_aligns_the_object_list_with_the_places():
    """甲区、乙区、丙区作为…主阵地，分别重点发展A和B、C、D和E: the role is every place's, the i-th item between 、 is the
    i-th place's industries; a list that does not count one item per place aligns nothing."""
    text = "江北新区、江宁经开区、南京经开区作为全市先进制造业主阵地，分别重点发展集成电路和生物医药、智能电网、新型显示和高端装备。\n"
    assert roles(text, "南京市") == {
        ("南京江北新区", "半导体与集成电路", "先进制造业主阵地"), ("南京江北新区", "生物医药", "先进制造业主阵地"),
        ("南京江宁经开区", "节能与新能源装备", "先进制造业主阵地"),
        ("南京经开区", "新型显示", "先进制造业主阵地"), ("南京经开区", "高端装备制造", "先进制造业主阵地"),
    }
    uneven = places("江北新区、江宁经开区作为全市先进制造业主阵地，分别重点发展集成电路、生物医药和智能电网。\n", "南京市")
    assert {p for p, _ in uneven} == {"南京江北新区", "南京江宁经开区"} and len(uneven) > 2


def test_a_dash_bullet_label_over_places_with_their_role_in_brackets():
    """——X：甲县、乙县（Y基地）: a bullet opens the label, an industry the taxonomy files by its head word labels the
    places, and the bracket that closes the list is their role."""
    got = roles("三、产业布局\n——脐橙加工：寻乌县、安远县（赣南脐橙精深加工基地）\n——生物医药：章贡区、赣县区\n", "赣州市")
    assert got == {
        ("寻乌县", "食品", "赣南脐橙精深加工基地"), ("安远县", "食品", "赣南脐橙精深加工基地"),
        ("章贡区", "生物医药", "布局区域"), ("赣县区", "生物医药", "布局区域"),
    }
    assert places("汝城县打造中国铝型材产业基地。\n", "郴州市") == {("汝城县", "有色金属")}  # 中国 describes, 型材 files it


def test_a_region_s_name_before_the_industry_of_a_role_still_makes_the_role_its_own():
    """建设长三角北翼新能源汽车产业基地 in a plan about 汽车: a short region's name (长三角北翼, 县域, 对俄) before the industry
    describes where, so the role is that industry's; words that tie it to another industry (服务…的) do not."""
    got = roles("第二节 汽车产业\n大丰区建设苏北沿海新能源汽车产业基地。\n", "盐城市", "盐城市汽车产业发展规划")
    assert got == {("大丰区", c, "苏北沿海新能源汽车产业基地") for c in ("汽车", "新能源汽车")}
    food = roles("第二节 绿色食品产业\n绥芬河市依托口岸优势，建设对俄跨境电商示范区。\n", "牡丹江市", "牡丹江市绿色食品产业发展规划")
    assert food == {("绥芬河市", "电子商务", "对俄跨境电商示范区")}
    tied = roles("第二节 汽车产业\n大丰区建设服务低空经济的新材料配套基地。\n", "盐城市", "盐城市汽车产业发展规划")
    assert {c for _, c, _ in tied} == {"汽车"}


def test_a_parts_role_in_a_layout_sentence_takes_the_layout_s_industry():
    text = "构建“一核两区”汽车产业空间格局。“一核”——江北区整车制造核心区；“两区”——渝北区、两江新区关键零部件配套区。\n"
    got = roles(text, "重庆市")
    assert ("渝北区", "汽车", "关键零部件配套区") in got and not any(c == "*" for _, c, _ in got)


def test_numbered_label_headings_over_places_and_belt_and_city_role_nouns():
    text = ("第三章 总体布局\n（一）核心区：吉林经开区。重点发展碳纤维原丝。\n（二）应用拓展区：吉林高新区、昌邑区。\n"
            "（三）配套服务带：龙潭区。重点发展专用化学品。\n")
    got = {(p, r) for p, _, r in roles(text, "吉林市", "吉林市碳纤维产业发展规划")}
    assert got == {("吉林经开区", "核心区"), ("吉林高新区", "应用拓展区"), ("昌邑区", "应用拓展区"), ("龙潭区", "配套服务带")}  # no （二） in a role
    assert roles("汨罗市建设长江经济带循环经济示范城市。\n", "岳阳市") == {("汨罗市", "节能环保", "长江经济带循环经济示范城市")}


def test_a_list_of_industries_files_its_other_items_by_their_head_words():
    """An object list that names one industry the taxonomy knows is a list of industries: its other items are filed
    by their head words (蔗糖 → 食品, 跨境物流 → 现代物流); an item inside a cluster's name (信息服务 of 软件和信息服务) is
    none, and a list naming no known industry files nothing."""
    got = places("崇左市各县（市、区）主导产业：扶绥县：蔗糖精深加工、新型建材；凭祥市：红木加工、跨境物流、边境旅游。\n", "崇左市")
    assert got >= {("扶绥县", "食品"), ("扶绥县", "建材"), ("凭祥市", "家居"), ("凭祥市", "现代物流"), ("凭祥市", "文化旅游")}
    assert places("鼓楼区重点发展软件和信息服务、数字创意产业。\n", "福州市") == {("鼓楼区", "软件与信息服务"), ("鼓楼区", "数字创意")}
    marine = places("盐田区重点发展海洋渔业、海洋生物医药。\n", "深圳市", "深圳市培育发展海洋产业集群行动计划（2022-2025年）")
    assert "食品" not in {c for _, c in marine}  # 海洋渔业 holds 海洋's word: the plan's own product


def test_a_label_of_leading_industries_that_each_differ_over_bracketed_parks():
    text = "各园区主导产业各有侧重：宜宾临港经济技术开发区（智能终端、新能源汽车）、江安县阳春工业园区（绿色化工）。\n"
    got = roles(text, "宜宾市")
    assert {(c, r) for _, c, r in got} == {("智能终端", "主导产业"), ("新能源汽车", "主导产业"), ("绿色石化", "主导产业")}
    assert not any(c.startswith("各") for _, c, _ in got)
    assert ("江安县", "绿色石化", "主导产业") in got  # the county right before its park shares the park's bracket


def test_a_place_developing_products_the_taxonomy_files_has_a_role_in_their_cluster():
    """甲县发展竹笋和乌骨鸡加工: no object the taxonomy names, but every one filed by its head word; public services
    and objects no head word files give no role."""
    got = roles("“多点”：威信县、镇雄县发展竹笋和乌骨鸡加工，绥江县发展脐橙等特色水果加工。\n", "昭通市")
    assert {(p, c) for p, c, r in got if r.startswith("发展")} == {("威信县", "食品"), ("镇雄县", "食品"), ("绥江县", "食品")}
    assert roles("盐津县发展公共服务。\n", "昭通市") == set()
    assert roles("南海区区长表示，将为企业发展提供更好服务。\n", "佛山市") == set()  # 服务 alone files nothing
    assert roles("盐津县发展壮大村集体经济。\n", "昭通市") == set()


def test_an_industry_named_with_its_target_and_a_headline_joining_two_industries():
    got = places("做强碳酸钙千亿元产业。以平桂区、贺州高新区为核心，以钟山县为重要支撑。\n", "贺州市")
    assert got == {("平桂区", "新材料"), ("贺州高新区", "新材料"), ("钟山县", "新材料")}  # not a cluster named 碳酸钙千亿元
    news = places("在能源化工方面，庆城县重点发展石油炼化。\n", "庆阳市", "庆阳：算力+能源 双轮驱动打造产业新高地")
    assert news == {("庆城县", "绿色石化")}  # the headline's 算力 is one of two, not the plan's cluster


def test_a_plan_of_a_product_the_taxonomy_lacks_yields_to_the_cluster_its_sections_name():
    """A plan about 富硒 (no cluster) whose section heading names 富硒茶产业带 speaks for 食品 there; a heading that
    counts parks (四大产业园区) names no industry."""
    text = "三、发展布局\n（一）富硒茶产业带。以平利县、紫阳县为核心，建设全国知名的富硒茶产业带。\n二、四大产业园区\n"
    got = places(text, "安康市", "安康市富硒产业发展规划")
    assert got == {("平利县", "食品"), ("紫阳县", "食品")}
    assert roles("二、四大产业园区\n1.红古区。打造铝产业基地。\n", "兰州市") == {("红古区", "有色金属", "铝产业基地")}


def test_a_pdf_table_whose_columns_one_space_sets_apart_is_read_by_its_columns():
    """PDF text layers often set a table's cells apart by one space: three or more lines in a row with as many
    cells are a table; a role cell of — states no role; prose next to it is unchanged."""
    text = ("表3 重点产业园区布局一览表\n序号 园区名称 所在地 主导产业 功能定位\n"
            "1 鞍山高新技术产业开发区 铁东区 工业自动化 国家级智能制造示范基地\n"
            "2 鞍山经济开发区 千山区 装备制造、汽车零部件 —\n"
            "注：立山区主要承担商务服务功能。\n")
    assert normalize(text).split("\n")[2] == "1|鞍山高新技术产业开发区|铁东区|工业自动化|国家级智能制造示范基地"
    got = roles(text, "鞍山市")
    assert ("铁东区", "*", "国家级智能制造示范基地") in got or any(p == "铁东区" and r == "国家级智能制造示范基地" for p, _, r in got)
    assert {(p, c, r) for p, c, r in got if p == "千山区"} == {("千山区", "高端装备制造", "装备制造、汽车零部件"), ("千山区", "汽车", "装备制造、汽车零部件")}
    assert normalize("榆次区 重点发展 智能装备。\n") == "榆次区重点发展智能装备。\n"  # one line is no table


def test_a_list_after_a_colon_whose_places_each_bracket_their_industries():
    """推动各县差异化发展：甲区（X、Y）、乙县（Z）: no role noun, each place's bracket is its role."""
    got = roles("推动各县（市、区）差异化发展：长清区（智能装备制造、生物医药）、平阴县（玫瑰食品）、商河县（新型储能）。\n", "济南市")
    assert got == {
        ("长清区", "高端装备制造", "智能装备制造、生物医药"), ("长清区", "生物医药", "智能装备制造、生物医药"),
        ("平阴县", "食品", "玫瑰食品"), ("商河县", "新型储能", "新型储能"),
    }


def test_roles_of_two_parts_and_orchards_file_by_the_part_a_head_word_ends():
    got = roles("凤庆县建设滇红茶核心产区和精深加工集聚区；永德县、镇康县建设特色生态茶园。\n", "临沧市")
    assert {c for _, c, _ in got} == {"食品"}
    assert places("芒市建设全国重要的精品咖啡生产加工基地。\n", "德宏傣族景颇族自治州") == {("芒市", "食品")}


def test_a_prefecture_s_short_name_and_a_describing_word_name_no_industry():
    from geo.ingest.plans import own_stem

    assert own_stem("临夏州特色食品") == "特色食品" and own_stem("红河州有色金属") == "有色金属"
    got = roles("临夏经济开发区重点发展临夏州特色产业，打造全州工业发展主平台。\n", "临夏回族自治州")
    assert not any("特色" in c for _, c, _ in got)


def test_a_county_s_short_name_opening_a_local_food_is_the_product_not_the_county():
    """三穗鸭, 祁门红茶, 南江黄羊: the short name names the product (a county's speciality); the county is only where
    the sentence says it is, and the food files the role under 食品."""
    assert roles("三穗县重点发展三穗鸭等特色食品加工。\n", "黔东南苗族侗族自治州") == {("三穗县", "食品", "重点发展三穗鸭等特色食品加工")}
    assert roles("祁门县重点打造祁门红茶核心产区。\n", "黄山市") == {("祁门县", "食品", "祁门红茶核心产区")}
    assert places("南江县重点发展南江黄羊良种繁育和屠宰加工。\n", "巴中市") == {("南江县", "食品")}
    assert places("休宁、祁门重点发展生态农产品加工。\n", "黄山市") == {("休宁县", "食品"), ("祁门县", "食品")}  # a list of short names stays


def test_a_bullet_line_of_places_each_with_their_industries_in_brackets():
    text = "推动形成错位发展的工业布局：\n——东川区（钒钛钢铁、航天配套）、禄劝县（稀土采选及分离冶炼）；\n——寻甸县重点发展绿色食品。\n"
    got = roles(text, "昆明市")
    assert {(p, c) for p, c, _ in got} == {("东川区", "钢铁"), ("东川区", "航空航天"), ("禄劝彝族苗族自治县", "有色金属"), ("寻甸回族彝族自治县", "食品")}


def test_a_heading_of_supporting_industries_names_no_industry():
    text = "（三）培育配套产业。支持兴和县、商都县发展风电、光伏等绿电项目。\n"
    got = places(text, "乌兰察布市", "乌兰察布市大数据产业发展三年行动方案")
    assert {p for p, _ in got} == {"兴和县", "商都县"} and "配套" not in {c for _, c in got}


def test_records_built_through_their_slots_keep_dataclass_defaults_equality_and_frozenness():
    import dataclasses

    from geo.extract.rules import Found

    f = Found("核心区", 0, 3, place_index=1)
    assert (f.clusters, f.place_index, f.focus) == ((), 1, False)
    assert f == Found("核心区", 0, 3, (), 1, False) and hash(f) == hash(Found("核心区", 0, 3, (), 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.role = "x"  # type: ignore[misc]


def test_a_whole_field_beside_another_industry_is_named_for_itself_in_a_narrow_plan():
    """装备制造 is a national field; alone in a chemicals report it may be the plan's own equipment, but listed beside
    电子信息 it is one more industry of the place, not the headline's."""
    text = "州内新闻。\n福泉市着力发展装备制造和电子信息产业，龙里县承接大数据和先进装备制造配套项目。\n"
    assert places(text, "黔南布依族苗族自治州", "某州加快建设全国重要的磷化工基地") == {
        ("福泉市", "高端装备制造"), ("福泉市", "电子信息"), ("龙里县", "大数据"), ("龙里县", "高端装备制造"),
    }


def test_safety_and_rescue_equipment_is_filed_under_the_safety_industry():
    m = matcher()
    assert {m.file(x).name for x in ("矿山安全装备", "应急救援装备", "安全监测仪器")} == {"安全节能环保"}


def test_a_zone_s_short_name_given_in_brackets_is_the_same_zone():
    """（以下简称甲高新区）: news reprints introduce the short form; 简称 is no part of any zone's name."""
    text = "金昌经济技术开发区（以下简称金昌经开区）重点发展镍钴新材料，打造全国重要的有色金属新材料基地。\n"
    got = places(text, "金昌市")
    assert {p for p, _ in got} == {"金昌经开区"} and all("简称" not in p for p, _ in got)


def test_roles_each_followed_by_their_places_in_brackets():
    """X基地（甲区）、Y基地（乙区、丙区）: a list of roles, each holding the places its bracket names, in the industry the
    role names; a product's belt (茶叶带) is a role noun like 产业带."""
    text = "重点建设三大产业基地：新能源汽车产业基地（蔡甸区）、生物医药产业基地（江夏区）和光电子信息产业基地（洪山区、江夏区）。\n"
    assert places(text, "武汉市") == {("蔡甸区", "新能源汽车"), ("江夏区", "生物医药"), ("洪山区", "光电子"), ("江夏区", "光电子")}
    text = "“两带”：北部沿江茶叶带（云县、临翔区）和南部沿河茶叶带（耿马傣族佤族自治县）。\n"
    got = roles(text, "临沧市", "临沧市茶产业高质量发展三年行动方案（2023—2025年）")
    assert ("耿马傣族佤族自治县", "食品", "南部沿河茶叶带") in got and ("云县", "食品", "北部沿江茶叶带") in got


def test_a_title_s_industry_is_read_before_a_three_year_or_chain_plan_word():
    from geo.ingest.plans import cluster_from_title

    assert cluster_from_title("某市茶产业高质量发展三年行动方案（2023—2025年）") == "茶"
    assert cluster_from_title("某市陶瓷产业建圈强链行动方案") == "陶瓷"
    assert cluster_from_title("某市产业发展三年行动方案") == "*"


def test_a_label_sentence_of_places_makes_them_the_subject_of_the_sentences_after():
    """“一核”：即甲区。重点发展X、Y，打造Z基地。 — the label is the place's role in the industries the next sentences
    name, and in the general layout of a general plan; those sentences' roles are the place's."""
    text = "“一核”：即保定高新区。重点发展新一代信息技术、新能源汽车，打造全国重要的研发制造基地。\n“两翼”：徐水区。\n"
    got = roles(text, "保定市")
    assert {("保定高新区", "新一代信息技术", "一核"), ("保定高新区", "新能源汽车", "一核"), ("保定高新区", "新能源汽车", "研发制造基地")} <= got
    assert ("徐水区", "*", "两翼") in got and {(p, r) for p, c, r in got if c == "*"} == {("徐水区", "两翼"), ("保定高新区", "一核")}
    plan = roles("“一核”：即保定高新区。重点发展新能源汽车。\n", "保定市", "保定市汽车产业发展规划")
    assert not any(c == "*" for _, c, _ in plan)  # in a cluster's plan the label is that cluster's


def test_a_partner_park_with_the_city_in_brackets_is_one_zone():
    """中德（沈阳）高端装备制造产业园: a cooperation park named for its partner and city; its own words may be an
    industry's name. A county in brackets (鸡西（麻山）石墨产业园) stays the county's."""
    text = "依托中德（沈阳）高端装备制造产业园，重点发展智能制造装备和汽车整车，建设中德合作示范区。\n"
    assert {p for p, _ in places(text, "沈阳市")} == {"中德（沈阳）高端装备制造产业园"}
    assert "麻山区" in {p for p, _ in places("“一核”为鸡西（麻山）石墨产业园，建设石墨新材料核心区。\n", "鸡西市")}


def test_a_county_s_park_keeps_a_county_name_a_boundary_word_sits_in_and_chemical_parks_are_zones():
    """大同区林源工业园区: 同 is a conjunction elsewhere, not inside 大同区; 宏伟石化园区 and 姚家港化工园 are parks."""
    text = "以龙凤区宏伟石化园区、大同区林源工业园区为两大核心承载区，建设国家重要的石油化工产业基地。\n"
    assert {"大庆宏伟石化园区", "大庆林源工业园区"} <= {p for p, _ in places(text, "大庆市")}
    text = "以枝江姚家港化工园、宜都化工园为主要承载，建设世界级磷化工产业基地。推进各化工园安全整治。\n"
    assert {p for p, _ in places(text, "宜昌市")} == {"宜昌枝江姚家港化工园", "宜昌宜都化工园"}


def test_a_named_part_of_a_place_between_it_and_its_role():
    """以甲区太湖湾科创带为主要载体: the belt is a part of the district, which holds the role."""
    text = "物联网产业以滨湖区太湖湾科创带为主要载体，重点发展传感器件、物联网系统集成和行业应用。\n"
    assert ("滨湖区", "物联网", "主要载体") in roles(text, "无锡市")


def test_in_a_field_s_plan_another_field_named_is_its_own_industry():
    """新能源汽车 in a 新能源 plan is a field of its own, not the plan's; services (研发设计服务) still serve the plan's."""
    text = "“多园”包括：武进国家高新区（新能源汽车、光伏）、金坛经济开发区（动力电池）。\n"
    got = places(text, "常州市", "常州市新能源产业发展三年行动方案")
    assert ("常州武进国家高新区", "新能源汽车") in got and ("常州武进国家高新区", "新能源") in got
    got = places("天宁区重点布局新能源研发设计和检验检测服务。\n", "常州市", "常州市新能源产业发展三年行动方案")
    assert got == {("天宁区", "新能源")}


@pytest.mark.parametrize("name, cluster", [
    ("集成灶", "智能家电"), ("厨具电器", "智能家电"), ("甾体激素类药物", "生物医药"), ("海洋生物", "海洋"), ("数字视听", "超高清视频显示"),
    ("鲜切花", "现代农业"), ("口腔装备", "高端医疗器械"), ("医用耗材", "高端医疗器械"), ("智能电梯", "高端装备制造"),
])
def test_head_words_file_more_products(name, cluster):
    assert matcher().file(name).name == cluster


def test_electrical_equipment_is_no_home_appliance_and_ocean_fishing_is_marine():
    m = matcher()
    assert m.filed("电工电器") is None
    assert [x.cluster.name for x in m.find("重点发展远洋渔业")] == ["海洋"]


def test_a_layout_label_heading_is_the_role_of_the_places_listed_below_it():
    """三、“多园”支撑 then 甲区（X）、乙区（Y）。: each place's bracket names its industry, and the heading's label is its
    role; a heading that says more than a label (三、优化布局) gives none."""
    text = "三、“多园”支撑\n烟台高新区（生物医药）、福山高新区（汽车零部件）。各园区聚焦1—2个主导产业。\n"
    got = roles(text, "烟台市")
    assert {("烟台高新区", "生物医药", "多园"), ("烟台福山高新区", "汽车", "多园")} <= got
    text = "（二）一带协同\n卧龙区、宛城区重点发展中药材加工，建设中医药产业集聚区。\n"
    assert ("卧龙区", "生物医药", "一带") in roles(text, "南阳市")
    text = "三、优化产业布局\n卧龙区、宛城区重点发展中药材加工，建设中医药产业集聚区。\n"
    assert {r for _, _, r in roles(text, "南阳市")} == {"中医药产业集聚区"}


def test_a_label_with_what_it_does_before_the_colon():
    """“一带”协同：甲区、乙区… — the verb after a label (协同, 支撑, 引领) keeps it a label."""
    got = roles("“一带”协同：卧龙区、宛城区重点发展中药材加工，建设中医药产业集聚区。\n", "南阳市")
    assert {("卧龙区", "生物医药", "一带"), ("宛城区", "生物医药", "一带")} <= got


def test_port_areas_named_by_their_port_are_zones_but_an_area_along_a_port_is_none():
    assert places("保山工贸园区重点发展绿色硅光伏，建设全国重要的绿色硅光伏产业基地。\n", "保山市") == {("保山工贸园区", "新能源")}
    assert places("嘉兴港区瞄准化工新材料，建设国家级化工新材料园区。\n", "嘉兴市") == {("嘉兴港区", "新材料")}
    assert {p for p, _ in places("城陵矶新港区重点发展现代物流，建设长江中游区域性航运物流中心。\n", "岳阳市")} == {"岳阳城陵矶新港区"}
    got = places("象山县沿象山港区域发展海洋旅游，建设海洋生态经济区。推进港区建设。\n", "宁波市")
    assert {p for p, _ in got} == {"象山县"}


def test_new_energy_and_connected_vehicles_are_kinds_of_cars():
    """Under an 汽车 heading a role naming 新能源汽车 is in the heading's cluster and the narrower one; parts under a
    新能源汽车 heading stay it."""
    m = matcher()
    assert m.related(m.by_name["新能源汽车"], m.by_name["汽车"]) and m.narrower(m.by_name["汽车"], m.by_name["新能源汽车"]).name == "新能源汽车"
    text = "（二）汽车产业集群\n宁波前湾新区重点发展新能源汽车整车，建设长三角重要的新能源汽车整车制造基地。\n"
    assert places(text, "宁波市") == {("宁波前湾新区", "汽车"), ("宁波前湾新区", "新能源汽车")}
    text = "第一节 新能源汽车产业\n谷城县重点发展汽车底盘和汽车零部件，建设汽车零部件配套基地。\n"
    assert places(text, "襄阳市") == {("谷城县", "新能源汽车")}


def test_an_enumeration_of_places_each_with_its_role_noun():
    """一是甲县X集聚区，二是乙县Y集聚区: each ordinal item is a place and its own role, not the next item's."""
    text = "重点打造三大产业集聚区：一是长丰县新能源汽车产业集聚区，二是肥东县新材料产业集聚区，三是庐江县高端装备产业集聚区。\n"
    assert roles(text, "合肥市") == {
        ("长丰县", "新能源汽车", "新能源汽车产业集聚区"), ("肥东县", "新材料", "新材料产业集聚区"), ("庐江县", "高端装备制造", "高端装备产业集聚区"),
    }


def test_a_layout_noun_before_the_places_it_is():
    """主中心为甲区，副中心为乙区和丙区: the role comes first, the places after 为."""
    got = roles("构建“一主两副”格局：主中心为蜀山区，副中心为包河区和瑶海区。\n", "合肥市")
    assert got == {("蜀山区", "*", "主中心"), ("包河区", "*", "副中心"), ("瑶海区", "*", "副中心")}
    assert ("肥西县", "半导体与集成电路", "拓展区") in roles("集成电路产业以高新区为核心区，拓展区为肥西县。\n", "合肥市")


def test_named_towns_of_an_industry_are_zones_unless_still_to_be_built():
    """西湖区（云栖小镇）: an existing 小镇 is a place with the role; 建设“眼镜小镇” is the district's role."""
    got = places("滨江区、西湖区（云栖小镇）是全市数字经济发展的主要集聚区。\n", "杭州市")
    assert ("杭州云栖小镇", "数字经济") in got
    assert {(p, r) for p, _, r in roles("瓯海区集中力量建设“眼镜小镇”。\n", "温州市")} == {("瓯海区", "眼镜小镇")}


def test_a_list_of_places_closed_by_the_kind_of_place_it_is():
    """建德市、淳安县、桐庐县等西部区县以X为主导产业: 等西部区县 (等地) closes the list."""
    got = places("建德市、淳安县、桐庐县等西部区县以生态旅游、绿色食品为主导产业。\n", "杭州市")
    assert {p for p, _ in got} == {"建德市", "淳安县", "桐庐县"} and ("桐庐县", "食品") in got
    assert places("建德市、淳安县等地以生态旅游为主导产业。\n", "杭州市") == {("建德市", "文化旅游"), ("淳安县", "文化旅游")}


def test_a_later_clause_that_only_adds_industries_is_the_same_place_s():
    """甲区：重点发展X，打造Y集聚区；同步发展Z。 — 同步/适度/同时 + a develop verb, no subject: the place develops Z too."""
    got = places("璧山区：重点发展新能源汽车及核心零部件，打造新能源汽车产业集聚区；同步发展智能装备。\n", "重庆市")
    assert got == {("璧山区", "新能源汽车"), ("璧山区", "高端装备制造")}
    got = places("固安高新区聚焦新型显示产业，打造京南新型显示产业集聚区，同时布局航空航天零部件配套。\n", "廊坊市")
    assert ("廊坊固安高新区", "航空航天") in got


def test_agricultural_high_tech_zones_and_tourist_resorts_are_zones():
    got = places("晋中国家农业高新技术产业示范区重点发展功能食品和农业装备。\n", "晋中市")
    assert {p for p, _ in got} == {"晋中农高区"}
    got = roles("弓长岭温泉旅游度假区重点发展康养旅游，创建国家级旅游度假区。推动各旅游度假区提质升级。\n", "辽阳市")
    assert {p for p, _, _ in got} == {"辽阳弓长岭温泉旅游度假区"} and ("辽阳弓长岭温泉旅游度假区", "文化旅游", "国家级旅游度假区") in got


@pytest.mark.parametrize("sentence, city, pairs", [
    ("宁县、正宁县重点发展煤炭开采和煤电，建设陇东能源基地。\n", "庆阳市", {("宁县", "煤炭"), ("正宁县", "煤炭")}),
    ("环县以油气开采为主，建设综合能源基地。\n", "庆阳市", {("环县", "油气")}),
    ("靖边县依托资源，建设陕北油气化工基地。\n", "榆林市", {("靖边县", "绿色石化")}),
])
def test_coal_and_oil_and_gas_are_industries_of_their_own_and_oil_and_gas_chemicals_are_petrochemicals(sentence, city, pairs):
    assert places(sentence, city) == pairs


def test_a_title_counting_its_clusters_names_none_and_a_rank_before_the_stem_is_no_part_of_it():
    from geo.ingest.plans import cluster_from_title

    assert cluster_from_title("惠州市打造“2+1”现代产业集群行动计划（摘录）") == "*"
    assert cluster_from_title("某市打造世界级生物医药产业集群行动计划") == "生物医药"



def test_a_direction_column_beside_an_industry_column_is_the_role():
    """区县 | 主导产业 | 发展方向: the direction cell (全国重要的X基地) is the row's role."""
    text = "表1  区县特色产业发展导向\n区县\t主导产业\t发展方向\n睢宁县\t纺织服装\t高端纺织产业基地\n贾汪区\t新材料\t资源型地区转型发展示范区\n"
    assert roles(text, "徐州市") == {("睢宁县", "纺织服装", "高端纺织产业基地"), ("贾汪区", "新材料", "资源型地区转型发展示范区")}


def test_a_label_over_places_grouped_by_side():
    """“两翼”即南翼的甲县（X）、乙县（Y）和北翼的丙市（Z）: one list, every place the label's, each in its bracket's industry."""
    text = "“两翼”即南翼的宁海县（模具）、象山县（海洋产业）和北翼的余姚市（光电、智能家电）、慈溪市（智能家电）。\n"
    got = roles(text, "宁波市")
    assert {p for p, _, _ in got} == {"宁海县", "象山县", "余姚市", "慈溪市"} and {r for _, _, r in got} == {"两翼"}
    assert ("余姚市", "光电子") in {(p, c) for p, c, _ in got}


def test_chemical_industry_areas_are_zones_and_a_manufacturing_belt_along_a_river_keeps_its_name():
    assert roles("营口仙人岛能源化工区重点发展精细化工，建成辽宁沿海重要的石化产业基地。\n", "营口市") == {
        ("营口仙人岛能源化工区", "绿色石化", "石化产业基地")
    }
    got = roles("“两带”：沿江先进制造业带，涵盖靖江市（船舶海工）、高港区（装备制造）。\n", "泰州市")
    assert ("高港区", "高端装备制造", "沿江先进制造业带") in got


def test_a_table_caption_ends_the_cluster_scope_of_the_sub_heading_above_it():
    """（三）泛家居产业集群 … 表5-1 重点园区主导产业: the table's rows are read in their own industries, not the
    sub-heading's; a caption that names a cluster scopes its rows."""
    text = "二、重点产业集群布局\n（三）泛家居产业集群\n顺德区重点发展家具。\n表5-1  重点园区主导产业\n园区名称\t主导产业\t功能定位\n佛山高新技术产业开发区\t装备制造\t珠江西岸先进装备制造产业带龙头\n"
    assert ("佛山高新区", "高端装备制造", "珠江西岸先进装备制造产业带龙头") in roles(text, "佛山市")


def test_a_table_row_copied_with_an_empty_last_cell_keeps_its_cells():
    """姜堰经济开发区<tab>新能源<tab>: the trailing tab is the empty role cell, so the row is still the table's and the
    industry cell speaks for it."""
    text = "专栏5  重点园区主导产业导向\n园区名称\t主导产业\t功能定位\n泰州港经济开发区\t装备制造\t沿江先进装备制造基地\n姜堰经济开发区\t新能源\t\n"
    assert normalize(text).split("\n")[3] == "姜堰经济开发区|新能源|"
    assert ("泰州姜堰经开区", "新能源") in places(text, "泰州市")


def test_a_zone_name_longer_than_the_usual_prefix_is_kept_whole():
    """中山西部大湾区高端装备产业园: with no boundary word in the first eight characters the name reaches back to one;
    建设稀土永磁电机应用产业园 still stops at 建设 and stays a role."""
    got = places("其中，中山西部大湾区高端装备产业园重点发展高端装备和新能源。\n", "中山市")
    assert {p for p, _ in got} == {"中山西部大湾区高端装备产业园"}
    got = roles("（四）南康区、于都县。主动承接下游应用项目，建设稀土永磁电机应用产业园。\n", "赣州市")
    assert {p for p, _, _ in got} == {"南康区", "于都县"}


def test_a_petrochemical_base_with_a_name_of_its_own_is_a_zone():
    """漳州古雷石化基地 and 大亚湾石化区 are places; 舟山绿色石化基地（岱山县…） is the county's role, a described base."""
    assert {p for p, _ in places("以漳州古雷石化基地为核心，打造世界级石化产业基地。\n", "漳州市")} == {"漳州古雷石化基地"}
    assert places("大亚湾石化区重点发展炼化一体化。\n", "惠州市") == {("惠州大亚湾石化区", "绿色石化")}
    got = roles("舟山市绿色石化产业依托舟山绿色石化基地（岱山县鱼山岛）推进炼化一体化。\n", "舟山市")
    assert got == {("岱山县", "绿色石化", "舟山绿色石化基地")}


def test_a_numbered_label_sentence_of_a_place_makes_it_the_subject_after():
    text = "（一）“一核”：湖州南太湖新区。重点发展新能源汽车及关键零部件、数字经济核心产业，打造长三角先进制造业重要增长极。\n"
    got = roles(text, "湖州市")
    assert {("湖州南太湖新区", "新能源汽车", "一核"), ("湖州南太湖新区", "数字经济", "一核")} <= got
    assert {(c, r) for _, c, r in got if c == "*"} == {("*", "一核")}


def test_a_clause_whose_subject_is_another_industry_is_that_industry_s_layout():
    """动力电池产业以甲区、乙市为核心区 in a 新能源 plan: the part's own subject names its cluster; a subject from an
    earlier part does not carry past ；."""
    text = "在产业布局上，动力电池产业以金坛区、溧阳市为核心区，打造全球重要的动力电池产业基地；新能源汽车整车以常州经济开发区为主。\n"
    got = places(text, "常州市", "常州市推进新能源之都建设政策措施")
    assert {("金坛区", "动力电池"), ("溧阳市", "动力电池"), ("常州经开区", "新能源汽车")} <= got and ("金坛区", "新能源") not in got
    text = "苏州高新区聚焦医疗器械，打造高端医疗器械产业集聚区；昆山市、太仓市重点发展小核酸和生物制剂。\n"
    assert ("昆山市", "生物医药") in places(text, "苏州市", "苏州市生物医药产业地标建设行动方案")


def test_a_report_s_opener_before_the_subject_list_of_a_part():
    text = "方案提出，有色金属和新材料产业以赣州高新技术产业开发区为主阵地，建设“中国稀金谷”。\n"
    assert places(text, "赣州市") == {("赣州高新区", "有色金属"), ("赣州高新区", "新材料")}


def test_a_two_core_layout_word_is_a_role_noun_and_a_prefecture_s_short_name_is_not_its_county():
    text = "成都高新技术产业开发区和成都经济技术开发区是全市先进制造业的“双核”，承担着全市制造业能级提升的主要任务。\n"
    assert roles(text, "成都市") == {("成都高新区", "*", "双核"), ("成都经开区", "*", "双核")}
    assert roles("阿坝州构建“一核两翼”生态经济发展格局。\n", "阿坝藏族羌族自治州") == set()


def test_a_boundary_word_inside_the_city_s_own_name_cuts_no_zone_name():
    """呼和浩特经济技术开发区: 和 is a conjunction elsewhere, not inside 呼和浩特."""
    assert places("光伏材料集群主要集聚在呼和浩特经济技术开发区。\n", "呼和浩特市") == {("呼和浩特经开区", "新能源")}


def test_a_side_of_the_layout_is_a_label_and_successor_industries_name_none():
    """西翼包括甲县、乙县 is a label; 培育接续产业 names no industry of its own."""
    text = "（二）“两翼”。东翼包括邳州市、新沂市，承接产业转移；西翼包括沛县、丰县，推动资源型产业转型升级，培育接续产业。\n"
    got = roles(text, "徐州市")
    assert {("沛县", "*", "西翼"), ("丰县", "*", "西翼"), ("邳州市", "*", "东翼")} <= got
    assert all(c == "*" for _, c, _ in got)


def test_a_name_before_a_conjunction_shares_the_head_word_of_the_name_after_it():
    """新能源及智能网联汽车 is two kinds of vehicle; 新能源及新能源汽车 lists two industries, the second holding the first."""
    m = matcher()
    assert [x.cluster.name for x in m.find("新能源及智能网联汽车产业")] == ["新能源汽车", "智能网联汽车"]
    assert [x.cluster.name for x in m.find("新能源及新能源汽车产业")] == ["新能源", "新能源汽车"]
    assert [x.cluster.name for x in m.find("新能源、智能网联汽车")] == ["新能源", "智能网联汽车"]  # a list mark joins no head
    assert places("新能源和智能网联汽车产业以良庆区为核心。\n", "南宁市") == {("良庆区", "新能源汽车"), ("良庆区", "智能网联汽车")}


def test_every_industry_of_a_subject_list_is_kept_under_a_heading_of_another_kind():
    """新能源及新能源汽车产业以甲区为核心 under an 电子信息 heading: both listed industries, not the heading's; industries of
    the heading's kind are in it too."""
    text = "（三）电子信息\n新能源及新能源汽车产业以邕宁区为核心。\n集成电路和新型显示产业以江南区为核心。\n"
    assert places(text, "南宁市") == {
        ("邕宁区", "新能源"), ("邕宁区", "新能源汽车"), ("江南区", "电子信息"), ("江南区", "半导体与集成电路"), ("江南区", "新型显示"),
    }
    assert places("新能源及新能源汽车产业以邕宁区为核心。\n", "南宁市") == {("邕宁区", "新能源"), ("邕宁区", "新能源汽车")}


def test_a_bare_aviation_base_that_opens_its_clause_is_the_city_s_own_zone():
    """航空基地重点发展… in a 西安 plan is 西安航空基地; 建设航空基地 is a role, not a place."""
    text = "航空基地重点发展大飞机、通用航空；航天基地重点发展商业航天、卫星应用。\n鄠邑区建设航空基地。\n"
    got = roles(text, "西安市")
    assert {("西安航空基地", "航空航天"), ("西安航天基地", "航空航天"), ("鄠邑区", "航空航天")} <= {(p, c) for p, c, _ in got}
    assert ("鄠邑区", "航空航天", "航空基地") in got and len({p for p, _, _ in got}) == 3


def test_inland_ports_university_towns_and_medicine_cities_are_zones():
    assert places("郑州国际陆港重点发展现代物流。\n", "郑州市") == {("郑州国际陆港", "现代物流")}
    assert places("花溪大学城重点发展软件和信息服务。\n", "贵阳市") == {("贵阳花溪大学城", "软件与信息服务")}
    assert places("中国医药城重点发展医疗器械。\n", "泰州市") == {("泰州中国医药城", "高端医疗器械")}
    assert ("成都医学城", "生物医药") in places("温江区（成都医学城）为生物医药核心承载区。\n", "成都市")
    assert places("推动陆港建设，建设大学城。\n", "郑州市") == set()  # bare words are no zones


def test_a_dateline_opens_a_paragraph_so_the_headline_above_it_stands_alone():
    """A headline with no closing mark, then 芜湖日报讯 on the next line: the lead is a paragraph of its own."""
    title = "芜湖市加快打造新能源汽车产业集群"
    body = "芜湖日报讯 记者从市发改委获悉，我市将以鸠江区、弋江区为主体，构建新能源汽车发展格局。在动力电池领域，湾沚区将布局锂电池材料项目。\n"
    assert normalize(title + "\n" + body).startswith(title + "\n芜湖日报讯")
    got = places(title + "\n" + body, "芜湖市", title)
    assert {("鸠江区", "新能源汽车"), ("弋江区", "新能源汽车"), ("湾沚区", "动力电池")} <= got
    assert "\n" not in normalize("通讯设备产业以甲区为核心，\n通讯设备制造企业集聚。\n").strip()  # 通讯 is no dateline


def test_a_bare_focus_verb_and_advancing_an_industry_s_development_are_roles():
    """弋江区聚焦零部件配套 in a vehicle plan; 重点推进储能产业发展; 推动轴承向风电装备配套拓展 lists no industry."""
    text = "其中，鸠江区侧重整车制造，弋江区聚焦零部件配套。此外，无为市将重点推进储能产业发展。繁昌区推进项目建设。\n"
    got = places(text, "芜湖市", "芜湖市加快打造新能源汽车产业集群行动方案")
    assert got == {("鸠江区", "新能源汽车"), ("弋江区", "新能源汽车"), ("无为市", "新型储能")}
    assert places("新昌县推动轴承向精密化、风电和石化装备配套拓展。\n", "绍兴市") == set()


def test_a_sentence_that_opens_with_its_verb_goes_on_about_the_places_that_opened_the_one_before():
    """甲区是全市核心承载区。重点发展X: the second sentence's subject is 甲区; not after a sentence that opens with
    other words (2022年甲区…), nor across a sentence with no role verb."""
    text = (
        "樊城区是全市先进制造业的核心承载区。重点发展新能源汽车、高端装备。\n"
        "“一心”即襄阳高新区，是全市先进制造业的核心承载区。着力发展生物医药。\n"
        "2022年，襄州区地区生产总值增长8%。重点发展食品加工是全市的任务。\n"
        "宜城市区位优势明显。全市人口稳定增长。重点发展纺织服装。\n"
    )
    got = places(text, "襄阳市")
    assert got == {
        ("樊城区", "*"), ("樊城区", "新能源汽车"), ("樊城区", "高端装备制造"),
        ("襄阳高新区", "*"), ("襄阳高新区", "生物医药"),
    }
    assert places("樊城区召开全区经济工作会议。推进项目建设，推动经济高质量发展。建设美丽乡村，打造宜居城区。\n", "襄阳市") == set()


def test_a_label_s_place_in_brackets_takes_the_narrower_industries_it_develops_before_its_role():
    """“一核”：甲高新区（乙区），重点发展X、Y，建设Z策源地 in a 新能源 plan: 储能 and 氢能 beside the role in 新能源."""
    text = "“一核”：常州国家高新区（新北区），重点发展光伏组件、储能系统和氢能装备，建设新能源技术创新策源地。\n"
    got = places(text, "常州市", "常州市推进新能源之都建设实施方案")
    assert got == {(p, c) for p in ("常州高新区", "新北区") for c in ("新能源", "新型储能", "氢能")}
    rail = "“一核”：株洲高新区，重点发展功率半导体器件，建设轨道交通关键零部件基地。\n"  # parts of the plan's industry
    assert places(rail, "株洲市", "株洲市轨道交通装备产业发展规划") == {("株洲高新区", "轨道交通装备")}


def test_narrower_industries_developed_after_a_short_role_join_the_heading_s_cluster():
    """1.电子信息产业。以甲区为主要承载区，重点发展光通信器件和智能终端: the role in 电子信息 and in each narrower one."""
    text = "（三）优化产业布局\n1.电子信息产业。以桂林高新区、临桂区为主要承载区，重点发展光通信器件和智能终端，打造重要的电子信息产业基地。\n"
    got = places(text, "桂林市")
    assert got == {(p, c) for p in ("桂林高新区", "临桂区") for c in ("电子信息", "光电子", "智能终端")}
    other = "1.电子信息产业。以临桂区为主要承载区，加强光通信器件研发。\n"  # no clause that develops it
    assert places(other, "桂林市") == {("临桂区", "电子信息")}


def test_narrower_industries_developed_after_a_role_that_names_an_industry_join_it():
    """（二）汽车产业链 — 甲区（乙经开区）为整车制造核心区，重点发展新能源汽车和智能网联汽车: a role in each."""
    text = "（二）汽车产业链\n东部：龙泉驿区（成都经开区）为整车制造核心区，重点发展新能源汽车和智能网联汽车；\n"
    got = places(text, "成都市", "成都市重点产业链建圈强链行动方案")
    assert got == {(p, c) for p in ("龙泉驿区", "成都经开区") for c in ("汽车", "新能源汽车", "智能网联汽车")}


def test_a_place_before_a_colon_develops_what_its_park_develops():
    """雨花区：依托雨花经开区发展X和Y — the district and its park, each in X and Y."""
    got = places("雨花区：依托雨花经开区发展智能机器人和智能制造装备；\n", "长沙市")
    assert got == {(p, c) for p in ("雨花区", "长沙雨花经开区") for c in ("智能机器人", "智能制造装备")}


def test_a_bare_new_area_opening_a_sentence_is_the_new_area_named_before():
    text = "湖南湘江新区位于湘江西岸，是全市产业创新的主引擎。新区重点发展智能网联汽车和人工智能。\n"
    got = places(text, "长沙市")
    assert {("湖南湘江新区", "智能网联汽车"), ("湖南湘江新区", "人工智能")} <= got
    assert places("岳麓区人口增长较快。新区重点发展人工智能。\n", "长沙市") == set()  # 新区 does not fit a district


def test_a_line_of_one_place_and_its_bracketed_industries_is_its_role():
    text = "形成以下主导产业布局：\n高明区（新材料、食品饮料）；\n三水区（新能源汽车、新型储能）。\n2.顺德区（国家级）。\n"
    assert places(text, "佛山市") == {("高明区", "新材料"), ("高明区", "食品"), ("三水区", "新能源汽车"), ("三水区", "新型储能")}


def test_advancing_an_industry_s_change_is_a_focus_and_a_bare_airport_economy_zone_is_the_city_s():
    text = "香河县、霸州市加快家具产业转型；文安县推动人造板向绿色建材升级。\n广阳区、临空经济区重点发展航空物流。\n安次区加快推进项目建设。\n"
    assert places(text, "廊坊市") == {
        ("香河县", "家居"), ("霸州市", "家居"), ("文安县", "建材"), ("广阳区", "现代物流"), ("廊坊临空经济区", "现代物流"),
    }


def test_a_count_s_label_before_the_subject_two_industries_run_together_and_mainly_in():
    """“1”即有色金属产业，重点布局在甲区; 纺织服装重点在乙县、丙县; 医药食品以丁区为重点 (two industries as one name);
    重点在甲区做强X keeps X as the role."""
    text = ("会议明确，“1”即有色金属产业，重点布局在赣州高新区；其中纺织服装重点在于都县、宁都县，医药食品以章贡区为重点。\n")
    got = places(text, "赣州市", "赣州市召开产业集群推进会")
    assert got == {
        ("赣州高新区", "有色金属"), ("于都县", "纺织服装"), ("宁都县", "纺织服装"), ("章贡区", "生物医药"), ("章贡区", "食品"),
    }
    assert roles("新能源产业重点在信丰县做大做强光伏组件。\n", "赣州市") == {("信丰县", "新能源", "做大做强光伏组件")}


def test_the_class_of_parks_after_a_run_s_deng_does_not_hide_its_short_role():
    text = "“多园”：以岳阳经开区、城陵矶新港区等省级以上园区为支撑，推动产业向园区集中。\n"
    assert roles(text, "岳阳市") == {("岳阳经开区", "*", "支撑"), ("岳阳城陵矶新港区", "*", "支撑")}


def test_places_that_work_together_after_a_core_and_a_push_for_an_industry_s_effort():
    text = "5. 绿色化工产业。以齐鲁化学工业区为核心，临淄区、桓台县协同，推动化工产业链向下游延伸。\n"
    assert roles(text, "淄博市") == {("淄博齐鲁化学工业区", "绿色石化", "核心"), ("临淄区", "绿色石化", "协同"), ("桓台县", "绿色石化", "协同")}
    text = "（三）油气产业。靖边县、定边县加大油气勘探开发力度，推进天然气就地转化利用。\n"
    assert places(text, "榆林市") == {("靖边县", "油气"), ("定边县", "油气")}


def test_a_rank_after_a_bracket_and_a_verb_of_standing_name_no_zone():
    """依托县（区）级新能源产业园 is a class of parks; 立足老工业区更新改造 names no zone."""
    text = "阜宁县、建湖县依托县（区）级新能源产业园，发展风电零部件。\n"
    assert {p for p, _ in places(text, "盐城市")} == {"阜宁县", "建湖县"}
    text = "（二）市北区\n立足老工业区更新改造，重点发展工业互联网和跨境电商。\n"
    assert {p for p, _ in places(text, "青岛市")} == {"市北区"}


def test_places_each_with_only_their_means_share_the_predicate_after_them():
    text = "文化旅游产业：红花岗区依托遵义会议会址，赤水市依托丹霞世界自然遗产，习水县依托土城古镇，发展红色旅游和生态旅游。\n"
    assert places(text, "遵义市") == {("红花岗区", "文化旅游"), ("赤水市", "文化旅游"), ("习水县", "文化旅游")}
    apart = "红花岗区依托遵义会议会址开展红色教育，赤水市发展生态旅游。\n"  # a clause of its own is no shared predicate
    assert places(apart, "遵义市") == {("赤水市", "文化旅游")}


def test_a_park_of_listed_industries_is_in_each_and_new_energy_commercial_vehicles_are_new_energy_vehicles():
    text = "（2）发展动力电池。以襄阳高新区为重点，建设动力电池及储能产业园。\n（1）做强整车制造。推动襄州区发展新能源商用车。\n"
    got = places(text, "襄阳市", "襄阳市汽车产业高质量发展实施方案")
    assert {("襄阳高新区", "动力电池"), ("襄阳高新区", "新型储能"), ("襄州区", "新能源汽车")} <= got


def test_places_that_supply_a_core_and_a_consolidated_industry():
    text = "汽摩配产业链以瑞安市为核心，平阳县、龙湾区配套。\n鹿城区巩固提升鞋服等优势产业。\n"
    assert places(text, "温州市") == {("瑞安市", "汽车"), ("平阳县", "汽车"), ("龙湾区", "汽车"), ("鹿城区", "纺织服装")}


def test_a_table_s_platform_column_names_the_zones_of_each_row_and_roles_of_administration_are_none():
    text = "市（区）\t主导产业\t重点平台\n江海区\t新型储能、电子元器件\t江门高新区\n鹤山市\t不锈钢制品、智能家居\t鹤山工业城\n"
    got = places(text, "江门市")
    assert {("江门高新区", "新型储能"), ("江门高新区", "电子元器件"), ("江门鹤山工业城", "智能家电"), ("江海区", "新型储能")} <= got
    note = "注：潞州区、上党区、屯留区为2018年行政区划调整后的新设区。\n平江县是全省重点生态功能区。\n"
    assert places(note, "长治市") == set() and places("平江县是全省重点生态功能区。\n", "岳阳市") == set()


def test_shale_gas_is_oil_and_gas_and_advancing_its_exploration_is_a_focus():
    text = "六、页岩气产业\n泸县、古蔺县页岩气资源丰富，有序推进页岩气勘探开发和就地转化利用。\n"
    assert places(text, "泸州市") == {("泸县", "油气"), ("古蔺县", "油气")}
    assert matcher().file("煤层气开采").name == "油气"


def test_places_a_belt_is_made_of_and_a_limit_is_no_layout_role():
    text = "（2）“一带”：由江南区、良庆区组成的沿邕江临港产业带。\n青秀区、兴宁区作为中心城区，原则上不再新增一般性工业项目。\n"
    assert roles(text, "南宁市") == {
        ("江南区", "*", "沿邕江临港产业带"), ("江南区", "*", "一带"), ("良庆区", "*", "沿邕江临港产业带"), ("良庆区", "*", "一带"),
    }


def test_narrower_industries_a_later_clause_develops_and_a_medicine_port_zone():
    text = "一、汽车产业\n以长春汽开区为核心，巩固自主品牌整车优势，加快发展新能源汽车和智能网联汽车。\n"
    got = places(text, "长春市", "长春市汽车产业发展规划")
    assert got == {("长春汽车经开区", "汽车"), ("长春汽车经开区", "新能源汽车"), ("长春汽车经开区", "智能网联汽车")}
    assert ("厦门海沧生物医药港", "生物医药") in places("海沧生物医药港重点发展生物医药。\n", "厦门市")


def test_a_subject_industry_s_narrower_ones_developed_after_and_a_limit_after_a_develop_clause():
    text = "——电子信息产业链主要布局在衡阳白沙洲工业园区、衡阳综合保税区，重点发展智能终端和电子元器件；\n"
    got = places(text, "衡阳市")
    assert got == {(p, c) for p in ("衡阳白沙洲工业园区", "衡阳综合保税区") for c in ("电子信息", "智能终端", "电子元器件")}
    text = "“一主”：由江岸区、江汉区组成的主城核心板块，重点发展现代服务业，原则上不再新增一般性制造业项目。\n"
    assert ("江岸区", "相关服务业") in places(text, "武汉市")


def test_an_area_still_to_be_built_is_the_role_and_a_plan_that_leaves_places_out_gives_them_none():
    text = "猇亭区。重点发展新材料和现代物流，建设临港产业新城。\n西陵区、伍家岗区作为中心城区，本规划不作县域产业安排。\n"
    assert roles(text, "宜昌市") == {("猇亭区", "新材料", "临港产业新城"), ("猇亭区", "现代物流", "临港产业新城")}


def test_lines_of_a_place_and_its_bracketed_industries_stay_lines_and_are_roles():
    text = "培育壮大以下县域特色产业集群：\n盐湖区（电子信息、生物医药）\n河津市（铝精深加工、焦化）\n临猗县、万荣县（食品加工）\n"
    assert normalize(text).count("\n") == 4
    got = places(text, "运城市")
    assert {("盐湖区", "电子信息"), ("盐湖区", "生物医药"), ("河津市", "有色金属"), ("临猗县", "食品"), ("万荣县", "食品")} <= got


def test_a_bar_table_row_whose_cell_holds_a_comma_stays_a_row():
    text = "县（市、区）｜主导产业｜发展方向\n桃城区｜食品（白酒酿造）｜做强老白干酒品牌，推动酿酒技改扩能\n衡水高新区｜新材料、生物医药｜建设省级新材料产业示范基地\n"
    assert normalize(text).count("\n") == 3
    assert places(text, "衡水市") == {("桃城区", "食品"), ("衡水高新区", "新材料"), ("衡水高新区", "生物医药")}


def test_a_label_with_a_dash_opens_a_label_sentence():
    text = "西翼——枞阳县。重点发展绿色建材和新能源产业。\n"
    assert places(text, "铜陵市") == {("枞阳县", "*"), ("枞阳县", "建材"), ("枞阳县", "新能源")}


def test_a_zone_and_its_district_joined_by_a_middle_dot_are_one_run():
    text = "动力电池产业以荆门高新区·掇刀区为核心，发展正极材料。\n新型储能产业主要集聚在荆门高新区·掇刀区。\n"
    assert places(text, "荆门市") == {("荆门高新区", "动力电池"), ("掇刀区", "动力电池"), ("荆门高新区", "新型储能"), ("掇刀区", "新型储能")}


def test_places_with_bracketed_industries_before_any_predicate_and_a_city_s_own_industry_cluster_zone():
    text = ("中心城区方面，淇滨区（数字经济、电子信息）、山城区（现代物流）按照各自功能定位推进城区经济发展。\n"
            "全市形成“一区多园”的格局：鹤壁经济技术开发区（电子信息）、鹤壁宝山循环经济产业集聚区（镁基新材料、煤化工）。\n"
            "桦甸市推进黄金、钼等有色金属采选冶炼及精深加工。\n")
    got = places(text, "鹤壁市")
    assert {("淇滨区", "数字经济"), ("淇滨区", "电子信息"), ("山城区", "现代物流"), ("鹤壁宝山循环经济产业集聚区", "新材料")} <= got
    assert ("桦甸市", "有色金属") in places("桦甸市推进黄金、钼等有色金属采选冶炼及精深加工。\n", "吉林市")
    assert places("推动食品产业集聚区建设。\n", "鹤壁市") == set()  # an industry's 产业集聚区 is a role noun


def test_a_verb_opening_an_object_item_is_no_word_of_the_industry_and_suitable_industries_name_none():
    assert ("鄄城县", "发制品") in places("鄄城县：做大发制品产业，打造全球重要的发制品生产基地。\n", "菏泽市")
    text = "乐安县、宜黄县生态资源丰富，要严格控制工业开发强度，有序承接适宜产业。\n"
    assert places(text, "抚州市") == set()


def test_a_demonstration_park_with_a_name_of_its_own_is_a_zone_but_not_inside_a_longer_park_word():
    text = "“一核”：以百色新山铝产业示范园为核心，覆盖田阳区、田东县，重点发展铝精深加工。\n"
    assert {p for p, _ in places(text, "百色市")} == {"百色新山铝产业示范园", "田阳区", "田东县"}
    got = places("以某某循环经济示范园区为核心，发展精细化工。\n右江区建设现代农业示范园。\n", "百色市")
    assert not any(p.endswith("示范园") for p, _ in got)  # inside 示范园区, or still to be built


def test_an_application_scene_is_a_role_noun_and_developing_tourism_is_a_focus():
    text = "第一节 做强氢能产业\n桥东区、万全区建设氢能交通示范应用场景。\n第五节 推进文化旅游融合发展\n蔚县重点开发古城古堡文化旅游。\n"
    assert places(text, "张家口市") == {("桥东区", "氢能"), ("万全区", "氢能"), ("蔚县", "文化旅游")}
    assert places("怀来县经济开发区重点发展葡萄酒。\n", "张家口市") == {("张家口怀来经开区", "食品")}  # 开发 inside a zone's name


def test_the_means_a_clause_opens_with_shares_the_next_run_s_roles_and_a_long_means_phrase():
    text = "5.现代物流产业集群：依托呼和浩特综合保税区，在赛罕区发展航空物流和跨境电商。\n"
    assert places(text, "呼和浩特市") == {(p, c) for p in ("呼和浩特综合保税区", "赛罕区") for c in ("现代物流", "电子商务")}
    text = "此外，巩义市、新密市将立足铝加工、耐火材料等产业基础，发展电子信息材料。\n"
    assert places(text, "郑州市") == {("巩义市", "新材料"), ("新密市", "新材料")}


def test_an_economic_pilot_zone_named_after_a_city_cut_by_a_boundary_word():
    """以上饶高铁经济试验区为核心: 以上 is a boundary word elsewhere, but here 上 opens the city's name."""
    text = "4. 大数据。以上饶高铁经济试验区为核心，发展大数据。\n"
    assert places(text, "上饶市") == {("上饶高铁经济试验区", "大数据")}


def test_a_document_s_first_line_ending_in_a_closing_bracket_is_its_title():
    text = "延安市“十四五”产业布局（节选）\n北部以吴起县、志丹县为主，重点推进油气资源高效开发和煤炭清洁利用。\n"
    assert normalize(text).startswith("延安市“十四五”产业布局（节选）\n北部")
    assert normalize("甲区重点发展集成电路和新型显示，\n打造产业高地。\n").count("\n") == 1  # a wrapped sentence stays one
    _, rs = extract_text(normalize(text), "t", guess_title(normalize(text)), "延安市")
    assert {(r.district, r.cluster) for r in rs} == {(p, c) for p in ("吴起县", "志丹县") for c in ("油气", "煤炭")}


def test_a_chemical_base_with_a_name_of_its_own_is_a_zone():
    text = "灵武市依托宁东能源化工基地，延伸发展现代煤化工下游精细化工产品。\n打造绿色化工基地。\n"
    assert places(text, "银川市") == {("灵武市", "绿色石化"), ("银川宁东能源化工基地", "绿色石化")}
