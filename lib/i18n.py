"""Chinese (default) and English labels for the dashboard and its charts.

``t(key, lang)`` looks a label up; a missing key is an error naming it, so a typo fails in tests
rather than showing a raw key to users. Codes used in the tables (categories, kinds, qualifiers)
have their own small dictionaries with ``label(group, code, lang)``, which falls back to the code.
"""

from __future__ import annotations

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
        "数据表中的地区；所选地区保存在网址中（?region=…）。",
        "Regions found in the article store. The selection is kept in the URL (?region=...).",
    ),
    "no_regions": ("还没有地区：请运行 `make data`。", "No regions yet: run `make data`."),
    "unknown_regions": ("网址中的未知地区已忽略：{names}", "Unknown regions in the URL, ignored: {names}"),
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
    # overview
    "overview_caption": (
        "每个所选地区的主要数字及其出处文章。",
        "Headline figures for each selected region and the articles behind them.",
    ),
    "largest_money": ("最大金额", "Largest money figure"),
    "no_money": ("没有金额数字", "No money figure"),
    "facts_by_category": ("按类别的数字", "Figures by category"),
    "articles_behind": ("出处文章", "Articles"),
    "coverage": ("覆盖情况", "Coverage"),
    "n_facts": ("{n} 个数字", "{n} figures"),
    # compare
    "compare_caption": (
        "同一类别、同一单位的数字按地区对比；约数（超、近、约……）带斜线填充和 >、≈ 等前缀。",
        "Figures of one category and unit, compared by region; approximate figures are hatched and "
        "prefixed with >, ≈ ...",
    ),
    "category": ("类别", "Category"),
    "indicator": ("指标", "Indicator"),
    "all_indicators": ("（全部指标）", "(all indicators)"),
    "measure": ("单位与类型", "Unit and kind"),
    "log_scale": ("对数坐标", "Log scale"),
    "growth": ("增长率", "Growth rates"),
    "table_view": ("数据表视图", "Table view"),
    "no_facts": ("所选地区没有可对比的数字。", "No comparable figures for the selected regions."),
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
    "render_png": ("生成 PNG", "Render PNG"),
    "download_png": ("下载 PNG", "Download PNG"),
    "render_zip": ("生成本页全部图表 (ZIP)", "Render all charts on this page (ZIP)"),
    "download_zip": ("下载全部图表 (ZIP)", "Download all charts (ZIP)"),
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
    "chart_compare_title": ("{what}：{regions}", "{what}: {regions}"),
    "what_unit_kind": ("{what}（{unit}，{kind}）", "{what} ({unit}, {kind})"),
    "what_unit": ("{what}（{unit}）", "{what} ({unit})"),
    "chart_growth_title": ("增长率对比：{regions}", "Growth rates: {regions}"),
    "chart_coverage_title": ("各地区各类别的数字数量：{regions}", "Figures per category: {regions}"),
    "axis_region": ("地区", "Region"),
    "axis_growth": ("增长率（%）", "Growth (%)"),
    "axis_count": ("数字个数（个）", "Number of figures"),
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
    "other": ("其他", "Other"),
}
KINDS: dict[str, tuple[str, str]] = {
    "level": ("数量", "level"),
    "change_pct": ("增长率", "growth rate"),
    "change_pp": ("百分点变化", "change in points"),
    "share_pct": ("占比", "share"),
    "rate": ("频率", "rate"),
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
_GROUPS = {"category": CATEGORIES, "kind": KINDS, "qualifier": QUALIFIERS}


def _index(lang: str) -> int:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {list(LANGS)}")
    return 0 if lang == "zh" else 1


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The label for ``key`` in ``lang``, formatted with ``fmt``."""
    try:
        pair = _LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r} in lib/i18n.py _LABELS") from None
    text = pair[_index(lang)]
    return text.format(**fmt) if fmt else text


def label(group: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """A category, kind or qualifier code in words; unknown codes are shown as they are."""
    pair = _GROUPS[group].get(code)
    return pair[_index(lang)] if pair else code


def keys() -> list[str]:
    return list(_LABELS)
