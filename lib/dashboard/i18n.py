"""Chinese (default) and English labels for the dashboard and its charts: the one label table.

``t(key, lang)`` looks a label up; a missing key is an error naming it, so a typo fails in tests
rather than showing a raw key to users. Codes used in the tables (categories, kinds, qualifiers)
have their own small dictionaries with ``label(group, code, lang)``, which falls back to the code.
Names from data: ``region_name`` (data/gazetteer/names_en.csv, pinyin or English), ``unit_name``
(亿元 -> 100 million yuan); indicator names come from the vocabulary (``comparable.indicator_name``).
"""

from __future__ import annotations

import csv
import functools

from lib import paths
from lib.extract import currencies

LANGS = {"zh": "中文", "en": "English"}
DEFAULT_LANG = "zh"
# Session-state key of the sidebar language switch (set in app.py, read by every page).
LANG_KEY = "lang"

_LABELS: dict[str, tuple[str, str]] = {
    # shell
    "app_title": ("区域发展看板", "Regional development dashboard"),
    "language": ("语言 Language", "语言 Language"),
    "regions": ("地区", "Regions"),
    "regions_placeholder": ("选择地区", "Choose regions"),
    "regions_help": (
        "数据表中的地区；所选地区保存在网址中（?region=…），复制网址即可打开同一视图。",
        "Regions found in the article store. The selection is kept in the URL (?region=...): a copied "
        "link opens the same view.",
    ),
    "all_regions": ("所有地区（含以后添加的）", "All regions (including ones added later)"),
    "all_regions_help": (
        "勾选：网址写 region=all，以后添加的地区也包括在内。不勾选：网址列出所选地区，以后不变。",
        "Checked: the URL says region=all and regions added later are included. Unchecked: the URL "
        "lists the selected regions and stays that list.",
    ),
    "no_regions": ("还没有地区：请运行 `make data`。", "No regions yet: run `make data`."),
    "empty_store": (
        "还没有数据表：运行 `make data` 从 `data/raw/` 生成；或把文章（.txt/.html，可附 NAME.meta.json）"
        "放进 `data/raw/` 后运行 `make data`。",
        "No tables yet: run `make data` to build them from `data/raw/`, or add articles (.txt/.html, "
        "optional NAME.meta.json) to `data/raw/` and run `make data`.",
    ),
    "url_ignored": (
        "网址中的 {name}={value} 在此不可用，已忽略。",
        "The link's {name}={value} is not available here and was ignored.",
    ),
    "no_region_selected": (
        "未选择地区：请在侧栏中选择。",
        "No region selected: choose regions in the sidebar.",
    ),
    "page_overview": ("总览", "Overview"),
    "page_compare": ("指标对比", "Compare"),
    "page_facts": ("事实浏览", "Facts"),
    "page_articles": ("文章", "Articles"),
    "page_tables": ("数据表", "Tables"),
    "page_sources": ("数据来源", "Sources"),
    "articles_unattributed": ("另有 {n} 篇文章没有地区，未列出。", "{n} article(s) without a region are not listed."),
    "tables_store": ("数据表文件夹：`{folder}`", "Store: `{folder}`"),
    "tables_col_table": ("文件", "File"),
    "tables_col_holds": ("内容", "Holds"),
    "tables_col_rows": ("行数", "Rows"),
    "tables_col_columns": ("列数", "Columns"),
    "tables_col_modified": ("生成时间", "Built"),
    # overview
    "overview_caption": (
        "每个所选地区的标准主要指标（全地区数字、最新时期、注明时期和出处）及其出处文章。",
        "The standard headline indicators of each selected region (whole-region figures, latest "
        "period, with period and source) and the articles behind them.",
    ),
    "headlines": ("主要指标（全地区，最新时期）", "Headline indicators (whole region, latest period)"),
    "articles_behind": ("出处文章", "Articles"),
    "articles_more": ("另有 {n} 篇较早的文章，见“文章”页。", "{n} earlier article(s): see the Articles page."),
    "coverage": ("覆盖情况", "Coverage"),
    "n_facts": ("{n} 个数字", "{n} figures"),
    # compare
    "compare_caption": (
        "同一标准指标、同一类型、同一时期的全地区数字按地区对比；区县、园区、企业、全国等数字列在图下。"
        "约数（超、近、约……）带斜线填充和 >、≈ 等前缀。",
        "One standard indicator, one kind and one period, whole regions only, compared by region; "
        "figures of districts, parks, companies, the nation ... are listed under the chart. "
        "Approximate figures are hatched and prefixed with >, ≈ ...",
    ),
    "category": ("类别", "Category"),
    "indicator": ("指标", "Indicator"),
    "indicator_option": ("{name} ({n}/{total} 地区)", "{name} ({n}/{total} regions)"),
    "measure": ("类型", "Kind"),
    "period_pick": ("时期", "Period"),
    "unit_pick": ("单位", "Unit"),
    "target_of": ("目标（{kind}）", "target ({kind})"),
    "change_pp_growth": ("增速变化（百分点）", "change in growth rate (points)"),
    "change_pp_share": ("比重变化（百分点）", "change in share (points)"),
    "table_view": ("数据表视图", "Table view"),
    "log_scale": ("对数刻度", "Log scale"),
    "log_scale_help": (
        "数值差别很大时（如省与地级市的总量），对数刻度让小的柱子也看得清。",
        "When values differ a lot (a province's total beside a city's), a log scale keeps small bars readable.",
    ),
    "no_facts": ("所选地区没有可对比的数字。", "No comparable figures for the selected regions."),
    "no_standard": (
        "所选地区没有全地区的标准指标数字（见“指标词表”页）。",
        "The selected regions have no whole-region figure of a standard indicator (see the Indicators page).",
    ),
    "no_data": ("无数据", "no data"),
    "no_headlines_none": (
        "数据表中没有{region}的任何数字，所以下面都是“无数据”。",
        "The store has no figure for {region}, so every indicator below says no data.",
    ),
    "no_headlines_figures": (
        "数据表中没有{region}这些指标的全地区数字。它有 {n} 个其他数字，见“事实浏览”。",
        "The store has no whole-region figure of these indicators for {region}. It has {n} other "
        "figures: see the Facts page.",
    ),
    "no_headlines_other": (
        "数据表中没有{region}这些指标的全地区数字。它有 {n} 个其他数字（指标有：{indicators}），见“事实浏览”。",
        "The store has no whole-region figure of these indicators for {region}. It has {n} other "
        "figures (indicators: {indicators}): see the Facts page.",
    ),
    "no_data_note": ("无数据：{regions}", "No data: {regions}"),
    "no_data_regions": ("没有这个数字的地区：{regions}", "Regions without this figure: {regions}"),
    "has_it_in_unit": ("{region}有这个数字，但以{value}计：在“单位”中选择", "{region} reports it in {value}: pick that unit"),
    "has_other_kinds": ("有：{kinds}（见指标对比）", "Reported: {kinds} (see Compare)"),
    "has_it_in_period": ("{region}有这个数字的另一时期：{value}", "{region} reports it for another period: {value}"),
    "no_link_regions": ("没有关系的地区：{regions}", "Regions without a link: {regions}"),
    "target_note": ("空心柱：目标值，不是实际完成值", "Hollow bars: targets, not achieved values"),
    "legend_actual": ("实际值", "actual"),
    "legend_target": ("目标", "target"),
    "over_periods": ("各时期", "Over periods"),
    "chart_lines_title": ("{what}，各时期<br>{regions}", "{what} over periods<br>{regions}"),
    "other_sources": ("同一数字的其他出处（未画出）", "The same figure from other sources (not drawn)"),
    "context": ("该指标的其他数字", "Other figures of this indicator"),
    "context_caption": (
        "区县、园区、企业、区域合计、全国，以及其他类型、时期或单位的数字：不与上面的柱子并列比较。",
        "Districts, parks, companies, groups of regions, the nation, and other kinds, periods or units: "
        "not set beside the bars above.",
    ),
    "context_more": ("另有 {n} 个数字，见下表", "{n} more figures in the table below"),
    "open_fact": ("句子与出处", "Sentence and source"),
    "period_none": ("时期未注明", "period not given"),
    "period_since": ("{year}年以来", "since {year}"),
    "basis_cumulative": ("累计", "cumulative"),
    "basis_average_annual": ("年均", "average annual"),
    "basis_sequential": ("环比", "on the previous period"),
    "basis_versus": ("与其他地区或指标之差", "gap to another area or measure"),
    "scope_unknown": ("范围未注明", "scope not given"),
    "col_scope": ("范围", "Scope"),
    "col_subject": ("对象", "Subject"),
    "col_basis": ("口径", "Basis"),
    "col_indicator_id": ("指标代码", "Indicator id"),
    # facts
    "facts_caption": (
        "从文章中抽取的全部数字（包括重复提及）；句子中的数字用【】标出。",
        "Every figure extracted from the articles (repeated mentions included); the number is marked "
        "with 【】 in its sentence.",
    ),
    "search": ("搜索句子、指标或原文", "Search sentences, indicators or raw figures"),
    "fact_region": ("数字所属地区", "Region of the figure"),
    "kind": ("类型", "Kind"),
    "any": ("不限", "Any"),
    "rows_shown": ("{n} / {total} 行", "{n} / {total} rows"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_parquet": ("下载 Parquet", "Download Parquet"),
    # charts and export
    "selected_point": ("所选数字", "Selected figure"),
    "select_hint": ("点击图中的柱子查看出处句子。", "Click a bar to see the sentence it comes from."),
    "select_hint_marker": ("点击图中的点查看出处句子。", "Click a point to see the sentence it comes from."),
    "select_hint_link": ("点击连线或地区查看出处句子。", "Click a link or a region to see its sentences."),
    "select_hint_term": ("点击柱子或格子查看含该词的句子。", "Click a bar or cell to see a sentence with the term."),
    "selected_event": ("所选事件", "Selected event"),
    "selected_link": ("所选关系", "Selected relation"),
    "selected_term": ("所选关键词", "Selected term"),
    "download_zip": ("下载本页全部图表 (ZIP)", "Download all charts on this page (ZIP)"),
    "download_zip_help": (
        "本页每张图表一个 PNG（2 倍分辨率），点击时在服务器上生成，需几秒。",
        "One PNG per chart of this page (scale 2), rendered on the server when clicked: a few seconds.",
    ),
    "export_unavailable": (
        "服务器端 PNG 导出不可用：{reason}。图表右上角的相机按钮仍可下载 PNG。",
        "Server-side PNG export is unavailable: {reason}. The camera button on each chart still "
        "downloads a PNG.",
    ),
    # columns
    "col_region": ("地区", "Region"),
    "col_category": ("类别", "Category"),
    "col_indicator": ("指标", "Indicator"),
    "col_value": ("数值", "Value"),
    "col_unit": ("单位", "Unit"),
    "col_raw": ("原文", "As written"),
    "col_qualifier": ("限定", "Qualifier"),
    "col_kind": ("类型", "Kind"),
    "col_period": ("时期", "Period"),
    "col_sentence": ("句子", "Sentence"),
    "col_title": ("标题", "Title"),
    "col_source": ("来源", "Source"),
    "col_published": ("日期", "Published"),
    "col_byline": ("署名", "Byline"),
    "col_count": ("数量", "Count"),
    # chart texts
    "chart_compare_title": ("{what}<br>{regions}", "{what}<br>{regions}"),  # two lines: phones
    "what_unit": ("{what}（{unit}）", "{what} ({unit})"),
    "what_kind_period": ("{what}（{kind}，{period}）", "{what} ({kind}, {period})"),
    "what_kind": ("{what}（{kind}）", "{what} ({kind})"),
    "chart_coverage_title": ("各地区各类别的数字数量：{regions}", "Figures per category: {regions}"),
    "axis_region": ("地区", "Region"),
    "axis_count": ("数字个数（个）", "Number of figures"),
    "revised_note": (
        "修订数：{regions}的数字见于之后年份的报告（如经济普查后的修订），与当年报告的初步数不是同一版本",
        "Revised: the figures of {regions} come from a report of a later year (e.g. revised after an economic census), "
        "not the same vintage as a first release",
    ),
    "approx_note": (
        "斜线填充 / >、≥、≈、≤ 前缀：约数（原文为“超”“近”“约”等）",
        "Hatched / prefixed >, ≥, ≈, ≤: approximate (超, 近, 约 ... in the text)",
    ),
    "source_prefix": ("来源：", "Source: "),
    "and_more": ("等{n}地", " and {more} more"),
    "unnamed": ("（未命名）", "(unnamed)"),
    "hover_value": ("数值", "Value"),
    "hover_raw": ("原文", "As written"),
    "hover_qualifier": ("限定", "Qualifier"),
    "hover_period": ("时期", "Period"),
    # timeline
    "page_timeline": ("时间线", "Timeline"),
    "timeline_caption": (
        "文章中带日期的事件，按地区和时间（月；时间跨度大时按季度或年）合计：圆点中的数字是事件数，"
        "空心为计划（画在计划时期）；相对日期（近日、目前……）按文章发布时间画出。点击圆点列出事件及其出处句子。",
        "Dated events from the articles, counted per region and month (quarter or year over long spans): "
        "the number in a dot is how many, hollow dots are plans (at the planned period); relative dates "
        "(近日, 目前 ...) are drawn at the article's publication date. Click a dot to list its events and "
        "their sentences.",
    ),
    "include_relative": ("包括相对日期（近日、目前……）", "Include relative dates (近日, 目前 ...)"),
    "include_relative_help": (
        "相对日期只能按文章发布时间定位。",
        "Relative dates can only be placed at the article's publication date.",
    ),
    "no_events": ("所选地区没有带日期的事件。", "No dated events for the selected regions."),
    "events_table": ("事件列表", "Events"),
    "event_select_hint": (
        "点击图中的标记，下方显示出处句子（日期用【】标出）、文章标题和日期。",
        "Click a marker to see its sentence (date in 【】), article title and date below.",
    ),
    "chart_timeline_title": ("事件时间线：{regions}", "Timeline of events: {regions}"),
    "axis_date": ("日期", "Date"),
    "date_written": ("日期明确", "Date as written"),
    "date_year_inferred": ("年份推定", "Year inferred"),
    "date_relative": ("相对日期", "Relative date"),
    "planned": ("计划", "Planned"),
    "note_relative": ("日期按发布时间推定", "date inferred from the publication date"),
    "note_year_inferred": (
        "年份按发布时间或上下文推定",
        "year inferred from the publication date or context",
    ),
    "note_planned": ("计划/预告", "plan or announcement"),
    "timeline_legend_note": (
        "空心标记：计划；◆ 年份推定；■ 相对日期（按发布时间推定）；月、年精度的日期画在该期第一天",
        "Hollow: planned; ◆ year inferred; ■ relative date (placed at publication); month and year "
        "dates are drawn at the period's first day",
    ),
    "undated_note": ("另有 {n} 个事件没有年份，未画出", "{n} more events have no year and are not drawn"),
    "prec_day": ("日", "day"),
    "prec_month": ("月", "month"),
    "prec_year": ("年", "year"),
    "hover_description": ("事件", "Event"),
    "col_date": ("日期", "Date"),
    "col_precision": ("精度", "Precision"),
    "col_relative": ("相对词", "Relative word"),
    "col_planned": ("计划", "Planned"),
    "col_year_inferred": ("年份推定", "Year inferred"),
    "col_description": ("事件", "Event"),
    # keywords
    "page_keywords": ("关键词", "Keywords"),
    "keywords_caption": (
        "各地区文章中最有区分度的词（TF-IDF，各地区内最高者为 1），以及地区之间共同的词。",
        "The most distinctive terms of each region's articles (TF-IDF, the top term of a region is 1) "
        "and the terms regions share.",
    ),
    "top_n": ("每个地区显示前 N 个词", "Top N terms per region"),
    "no_keywords": ("所选地区没有关键词。", "No keywords for the selected regions."),
    "shared_terms": ("共同关键词", "Shared terms"),
    "shared_table": ("共同关键词表", "Shared terms table"),
    "chart_keywords_title": ("各地区关键词（前 {n} 个）：{regions}", "Top {n} terms by region: {regions}"),
    "chart_shared_title": ("共同关键词：{regions}", "Terms shared by regions: {regions}"),
    "chart_no_shared_title": (
        "没有共同关键词，各地区前 {n} 个词：{regions}",
        "No shared terms; top {n} terms of each region: {regions}",
    ),
    "no_shared_note": ("所选地区之间没有共同关键词", "The selected regions share no terms"),
    "axis_weight": ("权重（0–1）", "Weight (0–1)"),
    "axis_term": ("关键词", "Term"),
    "hover_weight": ("权重", "Weight"),
    "hover_rank": ("排名", "Rank"),
    "keywords_note": (
        "权重：TF-IDF，每个地区内最高者为 1",
        "Weight: TF-IDF, scaled so each region's top term is 1",
    ),
    "col_term": ("关键词", "Term"),
    "col_regions": ("地区", "Regions"),
    "col_n_regions": ("地区数", "Regions"),
    "col_weight_sum": ("权重合计", "Total weight"),
}

CATEGORIES: dict[str, tuple[str, str]] = {
    "money": ("资金", "Money"),
    "growth": ("增长", "Growth"),
    "firms": ("企业", "Firms"),
    "trade": ("贸易与开放", "Trade"),
    "compute": ("算力", "Computing"),
    "rd": ("科研", "R&D"),
    "energy": ("能源", "Energy"),
    "economy": ("经济", "Economy"),
    # the categories of the indicator vocabulary (data/indicators/indicators.csv)
    "industry": ("工业", "Industry"),
    "investment": ("投资", "Investment"),
    "consumption": ("消费", "Consumption"),
    "fiscal": ("财政", "Public finance"),
    "income": ("收入", "Income"),
    "prices": ("价格", "Prices"),
    "population": ("人口", "Population"),
    "employment": ("就业", "Employment"),
    "transport": ("交通运输", "Transport"),
    "tourism": ("旅游", "Tourism"),
    "agriculture": ("农业", "Agriculture"),
    "finance": ("金融", "Finance"),
    "infrastructure": ("基础设施", "Infrastructure"),
    "other": ("其他", "Other"),
}
KINDS: dict[str, tuple[str, str]] = {
    "level": ("数值", "level"),  # not 总量: a per-person income is a level too
    "change_pct": ("增长率", "growth rate"),
    "change_pp": ("百分点变化", "change in points"),
    "change_abs": ("增减量", "absolute change"),
    "share_pct": ("占比", "share"),
    "rate": ("比率", "rate"),
    "multiple": ("倍数", "multiple"),
    "target": ("目标", "target"),
}
QUALIFIERS: dict[str, tuple[str, str]] = {
    "exact": ("精确", "exact"),
    "more_than": ("超过", "more than"),
    "at_least": ("至少", "at least"),
    "nearly": ("接近", "nearly"),
    "about": ("约", "about"),
    "at_most": ("至多", "at most"),
}
SCOPE_NAMES: dict[str, tuple[str, str]] = {
    "region": ("全地区", "whole region"),
    "sector": ("部门", "sector"),
    "part": ("区县/园区", "part of the region"),
    "organisation": ("机构/企业", "organisation"),
    "group": ("多地合计", "group of regions"),
    "nation": ("全国/同类城市", "nation or peers"),
}
BASES: dict[str, tuple[str, str]] = {
    "": ("当期", "for the period"),
    "cumulative": ("累计", "cumulative"),
    "average_annual": ("年均", "average annual"),
    "sequential": ("环比", "on the previous period"),
    "versus": ("与其他地区或指标之差", "gap to another area or measure"),
}
# The store's tables (the Tables page names each by what it holds; the file name stays beside it).
TABLES: dict[str, tuple[str, str]] = {
    "articles": ("文章", "articles"),
    "facts": ("数字（事实）", "figures (facts)"),
    "events": ("事件", "dated events"),
    "entities": ("机构与地名", "organisations and places"),
    "keywords": ("关键词", "keywords"),
    "links": ("地区关联", "links between regions"),
}
# What an indicator is measured in (data/indicators/indicators.csv, unit_family).
UNIT_FAMILIES: dict[str, tuple[str, str]] = {
    "money": ("金额", "money"),
    "count": ("个数", "count"),
    "people": ("人数", "people"),
    "percent": ("百分比", "percent"),
    "permille": ("千分比", "per mille"),
    "weight": ("重量", "weight"),
    "energy": ("能源", "energy"),
    "index": ("指数", "index"),
    "containers": ("集装箱", "containers"),
    "compute": ("算力", "computing power"),
}
_GROUPS = {"category": CATEGORIES, "kind": KINDS, "qualifier": QUALIFIERS, "scope": SCOPE_NAMES, "basis": BASES,
           "unit_family": UNIT_FAMILIES, "table": TABLES}  # fmt: skip


def _index(lang: str) -> int:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {list(LANGS)}")
    return 0 if lang == "zh" else 1


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The label for ``key`` in ``lang``, formatted with ``fmt``."""
    try:
        pair = _LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r} in lib/dashboard/i18n.py _LABELS") from None
    text = pair[_index(lang)]
    return text.format(**fmt) if fmt else text


def label(group: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """A category, kind or qualifier code in words; unknown codes are shown as they are."""
    pair = _GROUPS[group].get(code)
    return pair[_index(lang)] if pair else code


def kind_text(kind: str, target_kind: str = "", lang: str = DEFAULT_LANG) -> str:
    """A fact's kind in words, with what a target measures and what a change in points is of."""
    if kind == "target":
        return t("target_of", lang, kind=label("kind", target_kind or "level", lang))
    if kind == "change_pp" and target_kind in ("growth", "share"):  # 增速加快 or 比重提高
        return t(f"change_pp_{target_kind}", lang)
    return label("kind", kind, lang)


def keys() -> list[str]:
    return list(_LABELS)


@functools.cache
def _region_names_en() -> dict[str, str]:
    path = paths.GAZETTEER_DIR / "names_en.csv"
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return {row["name"]: row["name_en"] for row in csv.DictReader(f)}
    except OSError:
        return {}


def is_place(name: object) -> bool:
    """Whether ``name`` is a place the gazetteer has an English name for."""
    return isinstance(name, str) and name in _region_names_en()


def region_name(region: str, lang: str = DEFAULT_LANG) -> str:
    """A region's name in ``lang``: as stored in Chinese; in English from the gazetteer's names_en.csv
    (pinyin for Chinese divisions, English for macro regions and foreign places), else as stored."""
    if _index(lang) == 0 or not region:
        return region
    return _region_names_en().get(region, region)


UNITS: dict[str, str] = {
    "个百分点": "percentage points", "%": "%", "人": "people", "万人": "10,000 people",
    "人次": "person-times", "万人次": "10,000 person-times", "家": "firms", "个": "units", "项": "items",
    "件": "items", "份": "documents", "吨": "tonnes", "万吨": "10,000 tonnes", "千瓦时": "kWh", "亿千瓦时": "100 million kWh",
    "千瓦": "kW", "万千瓦": "10,000 kW", "平方米": "m²", "万平方米": "10,000 m²", "公里": "km",
    "千米": "km", "辆": "vehicles", "万辆": "10,000 vehicles", "标箱": "TEU", "万标箱": "10,000 TEU",
    "公顷": "hectares", "亩": "mu", "万亩": "10,000 mu", "所": "institutions", "座": "facilities",
    "张": "cards", "台": "machines", "套": "sets", "户": "households", "元/人": "yuan per person",
}  # fmt: skip


def unit_name(unit: str, lang: str = DEFAULT_LANG) -> str:
    """A display unit in ``lang`` (亿元 -> 100 million yuan); units without an English name stay as written."""
    if _index(lang) == 0:
        return unit
    if unit in UNITS:
        return UNITS[unit]
    for mult, en in _MONEY_MULTIPLIERS:  # money from the one currency table: 亿美元 -> 100 million US dollars
        rest = unit[len(mult) :]
        if unit.startswith(mult) and currencies.is_money(rest):
            return f"{en} {currencies.english(rest)}".strip()
    return unit


def unit_label(unit: str, lang: str = DEFAULT_LANG) -> str:
    """A unit as a choice in a picker: its name in ``lang``, the written unit after it when they
    differ (项 and 份 are both "items" in English; "items (份)" tells them apart)."""
    name = unit_name(unit, lang)
    return name if name == unit else f"{name} ({unit})"


_MONEY_MULTIPLIERS = (("万亿", "trillion"), ("亿", "100 million"), ("万", "10,000"), ("", ""))


# --- Links page (区域协同): labels, relation and level names ------------------------------------

_LABELS.update(
    {
        "page_links": ("区域协同", "Links"),
        "links_caption": (
            "文章中写明的地区之间的关系：研发—生产、航线、飞地、合作与投资。所选地区出现在关系任一端即显示。",
            "Relations between places stated in the articles: R&D to production, routes, enclaves, "
            "cooperation and investment. A link is shown when either end is a selected region.",
        ),
        "relations": ("关系类型", "Relations"),
        "links_network": ("关系网络", "Network"),
        "links_map": ("关系地图", "Map"),
        "no_links_store": (
            "数据表中还没有区域关系：文章里出现“研发…生产”“至…航线”“飞地”“合作”“落户”等说法时才会抽取。",
            "No links in the store yet: they are read from phrases such as 研发…生产, X至Y航线, 飞地, "
            "合作 and 落户 in the articles.",
        ),
        "no_links": (
            "所选地区和关系类型下没有区域关系。",
            "No links for the selected regions and relations.",
        ),
        "map_unavailable": (
            "地图无法绘制：缺少底图。上面的关系网络和下面的表格仍列出全部关系。",
            "The map cannot be drawn: its base map is missing. The network above and the table below "
            "still show every link.",
        ),
        "map_missing_coords": ("{n} 条关系缺少坐标，未画在地图上：{names}", "{n} links lack coordinates and are not on the map: {names}"),
        "links_select_hint": (
            "点击连线中点的箭头或地区圆点，查看出处句子。",
            "Click the arrow on a link or a region's dot to see the sentences behind it.",
        ),
        "chart_links_title": ("区域协同关系：{regions}", "Links between regions: {regions}"),
        "chart_links_map_title": ("区域协同地图：{regions}", "Map of links: {regions}"),
        "links_empty_chart": ("没有可显示的区域关系", "No links to show"),
        "links_arrow_note": ("箭头：关系方向（研发地→生产地，出发地→目的地）；线宽：文章中提到的次数", "Arrows: direction (R&D → production, origin → destination); line width: number of mentions"),
        "links_map_note": ("底图：Natural Earth（不显示国界）", "Base map: Natural Earth (no borders drawn)"),
        "col_link": ("关系", "Link"),
        "col_relation": ("关系类型", "Relation"),
        "col_evidence": ("依据词", "Evidence"),
        "col_from": ("起点", "From"),
        "col_to": ("终点", "To"),
        "col_mentions": ("次数", "Mentions"),
        "hover_relation": ("关系", "Relation"),
        "hover_evidence": ("依据词", "Evidence"),
        "hover_mentions": ("次数", "Mentions"),
        "hover_level": ("层级", "Level"),
        "hover_links": ("关系数", "Links"),
        "legend_levels": ("地区层级", "Level"),
    }
)

RELATIONS: dict[str, tuple[str, str]] = {
    "rd_to_production": ("研发→生产", "R&D → production"),
    "route": ("航线/班列", "Route"),
    "enclave": ("飞地", "Enclave"),
    "cooperation": ("合作", "Cooperation"),
    "investment": ("投资/落户", "Investment"),
}
LEVELS: dict[str, tuple[str, str]] = {
    "province": ("省级", "Province"),
    "prefecture": ("地级", "Prefecture"),
    "county": ("县级", "County"),
    "macro": ("区域（京津冀、长三角…）", "Macro region"),
    "foreign": ("境外", "Abroad"),
    "country": ("全国", "Nationwide"),
}
_GROUPS.update({"relation": RELATIONS, "level": LEVELS})


# --- Indicators page (指标词表) -------------------------------------------------------------------

_LABELS.update(
    {
        "page_indicators": ("指标词表", "Indicators"),
        "indicators_caption": (
            "标准指标词表（data/indicators/indicators.csv）：名称、同义词、计量、类别和上级指标；"
            "数字个数和地区数按整个数据表（首次提及）统计。选择一个指标查看所选地区中它的数字。",
            "The standard indicator vocabulary (data/indicators/indicators.csv): names, synonyms, what it is "
            "measured in, category and parent; facts and regions are counted over the whole store (first "
            "mentions). Pick an indicator to see its figures in the selected regions.",
        ),
        "indicator_pick": ("查看指标", "Show indicator"),
        "indicator_figures": ("{name}的数字", "Figures of {name}"),
        "no_indicator_figures": (
            "所选地区没有这个指标的数字。",
            "The selected regions have no figure of this indicator.",
        ),
        "col_id": ("代码（链接中的 indicator=）", "Code (indicator= in links)"),  # what the id is for: "Id" said nothing
        "col_name_zh": ("中文名称", "Chinese name"),
        "col_name_en": ("英文名称", "English name"),
        "col_synonyms": ("同义词", "Synonyms"),
        "col_unit_family": ("计量", "Measured in"),
        "col_parent": ("上级指标", "Parent"),
        "col_kinds": ("适用类型", "Kinds"),
        "col_n_facts": ("数字个数", "Facts"),
    }
)


# --- Sources page (数据来源: uploads) -----------------------------------------------------------------

_LABELS.update(
    {
        "src_page_title": ("数据来源", "Sources"),
        "src_caption": (
            "新文章与其他输入文件一起保存在原始数据文件夹（`{raw}`）中，随后重建全部数据表。"
            "支持 {types}，每个文件最大 {limit}。",
            "New articles are kept with the other inputs in the raw folder (`{raw}`); then every table is "
            "rebuilt. Accepted: {types}, at most {limit} per file.",
        ),
        "src_add_header": ("添加文章", "Add articles"),
        "src_read_only": (
            "此看板为只读：不能上传文章，也不能重建数据表。",
            "This dashboard is read-only: articles cannot be uploaded and the tables are not rebuilt.",
        ),
        "src_password": ("上传密码", "Upload password"),
        "src_password_needed": ("添加文章需要上传密码。", "Adding articles needs the upload password."),
        "src_password_wrong": ("密码不正确。", "Wrong password."),
        "src_limits": (
            "标题最多 {title} 字，来源最多 {source} 字；超长的会被拒绝。",
            "Title at most {title} characters, source at most {source}; longer ones are refused.",
        ),
        "src_skipped_inputs": ("上次重建跳过的输入文件：", "Input files the last build skipped:"),
        "src_col_reason": ("原因", "Reason"),
        "src_tab_upload": ("上传文件", "Upload files"),
        "src_tab_paste": ("粘贴文本", "Paste text"),
        "src_uploader": ("文章文件（{types}，每个最大 {limit}）", "Article files ({types}, at most {limit} each)"),
        "src_add_files": ("添加文件", "Add files"),
        "src_text": ("文章正文", "Article text"),
        "src_title": ("标题（可选）", "Title (optional)"),
        "src_source": ("来源（可选）", "Source (optional)"),
        "src_date": ("日期（可选）", "Date (optional)"),
        "src_add_text": ("添加文本", "Add text"),
        "src_running": ("正在添加文章…", "Adding articles…"),
        "src_stage_saving": ("保存文件…", "Saving files…"),
        "src_stage_waiting": ("等待其他会话的重建完成…", "Waiting for another session's rebuild…"),
        "src_stage_rebuilding": ("重建数据表…", "Rebuilding the tables…"),
        "src_stage_done": ("完成", "Done"),
        "src_finished_added": ("已添加", "Added"),
        "src_finished_nothing": ("没有新文章", "Nothing new"),
        "src_added": ("已添加 {n} 个文件，数据表已重建。", "Added {n} file(s); the tables were rebuilt."),
        "src_new_articles": ("新文章", "New articles"),
        "src_new_regions_selected": (
            "新地区已加入侧栏的地区筛选并已选中（筛选为“所有地区”）：",
            "New regions are in the sidebar's region filter and selected (the filter is 'all regions'):",
        ),
        "src_new_regions_offered": (
            "新地区已加入侧栏的地区筛选，未选中（筛选是所选地区的列表，在侧栏中添加即可）：",
            "New regions are offered in the sidebar's region filter, not selected (the filter is a list of "
            "chosen regions; add them there):",
        ),
        "src_outcomes": ("各文件的结果", "Result per file"),
        "src_failed": ("{n} 个文件未添加（见下表）。", "{n} file(s) not added (see the table)."),
        "src_nothing_new": (
            "没有新内容：这些文章已在数据来源中。",
            "Nothing new: these articles are already stored.",
        ),
        "src_rebuild_problems": ("重建时有输入文件无法读取：", "Some input files could not be read in the rebuild:"),
        "src_articles": ("文章 · {n}", "Articles · {n}"),
        "src_col_file": ("文件", "File"),
        "src_col_status": ("结果", "Result"),
        "src_col_detail": ("说明", "Details"),
        "src_col_input_file": ("输入文件", "Input file"),
        "src_col_problem": ("问题", "Problem"),
        "src_status_saved": ("已保存", "Saved"),
        "src_status_duplicate": ("已存在，未重复保存", "Already stored, not saved again"),
        "src_status_failed": ("未添加", "Not added"),
    }
)

# --- the export bar, chart/table tabs, grouped timeline (lib/dashboard/export_bar.py) -------------

_LABELS.update(
    {
        "tab_chart": ("图表", "Chart"),
        "tab_table": ("表格", "Table"),
        "export_png": ("PNG", "PNG"),
        "export_svg": ("SVG", "SVG"),
        "export_csv": ("CSV 数据", "CSV data"),
        "export_cite": ("引用此图", "Cite this chart"),
        "export_png_help": ("下载图片（PNG，2 倍分辨率）", "Download the chart as an image (PNG, scale 2)"),
        "export_svg_help": ("下载矢量图（SVG），可在排版软件中编辑", "Download the chart as a vector image (SVG)"),
        "export_csv_help": (
            "图中画出的每一行：数值、单位、原句、文章标题、日期和本视图的链接",
            "Every row the chart draws: value, unit, sentence, article title, date and the link to this view",
        ),
        "export_cite_help": ("复制下面的引用文字", "Copy the citation below"),
        "download_cite": ("下载引用 (.txt)", "Download citation (.txt)"),
        "table_rows": ("图中画出的 {n} 行（与 CSV 相同）", "The {n} rows the chart draws (the same as the CSV)"),
        "cite_chart": ("{outlet}：《{title}》。", "{outlet}: “{title}”."),
        "cite_data": ("数据来自：{articles}。", "Data from: {articles}."),
        "cite_article": ("{source}《{title}》（{date}）", "{source}, “{title}” ({date})"),
        "cite_more": ("另有 {n} 篇文章", "and {n} more articles"),
        "cite_accessed": ("访问日期：{date}。", "Accessed {date}."),
        "col_label": ("图上标注", "Label on the chart"),
        "col_indicator_raw": ("原文指标", "Indicator as written"),
        "col_published_date": ("发布日期", "Published"),
        "col_weight": ("权重", "Weight"),
        # grouped timeline
        "chart_timeline_grouped_title": ("{per}事件数：{regions}", "Events per {per}: {regions}"),
        "per_month": ("每月", "month"),
        "per_quarter": ("每季度", "quarter"),
        "per_year": ("每年", "year"),
        "timeline_grouped_note": (
            "每个圆点：一个地区{per}的事件，数字为事件数；空心：计划（画在计划时期）",
            "Each dot: one region's events in one {per}, the number is how many; hollow: planned (drawn at "
            "the planned period)",
        ),
        "timeline_relative_note": (
            "相对日期（近日、目前……）没有写明日期，按文章发布时间画出",
            "Relative dates (近日, 目前 ...) give no date: they are drawn at the article's publication month",
        ),
        "hover_events": ("事件", "Events"),
        "hover_kinds": ("日期明确 {written} · 年份推定 {inferred} · 相对日期 {relative}",
                        "as written {written} · year inferred {inferred} · relative {relative}"),
        "select_hint_group": (
            "点击圆点列出这个地区这一时期（图中的月、季或年）的事件及其出处句子。",
            "Click a dot to list that region's events of that period (the chart's month, quarter or year) with their sentences.",
        ),
        "select_hint_cell": (
            "点击格子列出该地区该类别的数字及其出处句子。",
            "Click a cell to list the figures of that region and category with their sentences.",
        ),
        "selected_cell": ("所选格子中的数字", "Figures in the selected cell"),
        "selected_events": ("所选事件", "Selected events"),
        "rows_capped": (
            "显示前 {n} 行（共 {total} 行）；下载可得全部行。",
            "Showing the first {n} of {total} rows; the downloads hold them all.",
        ),
    }
)

_LABELS.update({"legend_events": ("事件", "Events"), "one_month": ("一个月", "month"),
                "one_quarter": ("一个季度", "quarter"), "one_year": ("一年", "year")})
