"""Which figures the dashboard sets side by side (lib/dashboard/comparable.py), on facts built by
code in the facts contract: one standard indicator, kind, period and basis, whole regions only."""

from __future__ import annotations

import pandas as pd
import pytest
from factrows import fact, joined

from lib.dashboard import comparable as cmp
from lib.dashboard.periods import period_key, period_label, period_shape

ALL = ["天津", "郑州", "上饶", "黑龙江"]
YI = 1e8

ROWS = [
    fact("t-gdp", "天津", "18024.32亿元", 18024.32 * YI, "元", indicator_id="gdp"),
    fact("t-gdp-news", "天津", "1.8万亿元", 18000 * YI, "元", indicator_id="gdp", source="科技日报",
         published="2025-05-01"),  # fmt: skip
    fact("t-gdp-g", "天津", "5.1%", 5.1, "%", indicator_id="gdp", kind="change_pct"),
    fact("t-part", "天津", "4000亿元", 4000 * YI, "元", indicator_id="gdp", scope="part", subject="滨海新区"),
    fact("t-group", "天津", "10.4万亿元", 104000 * YI, "元", indicator_id="gdp", scope="group", subject="京津冀"),
    fact("z-gdp", "郑州", "14532.1亿元", 14532.1 * YI, "元", indicator_id="gdp"),
    fact("z-gdp-23", "郑州", "13617.8亿元", 13617.8 * YI, "元", indicator_id="gdp", period="2023"),
    fact("z-gdp-g", "郑州", "5.7%", 5.7, "%", indicator_id="gdp", kind="change_pct"),
    fact("z-target", "郑州", "6%", 6, "%", indicator_id="gdp", kind="target", target_kind="change_pct",
         period="2025"),  # fmt: skip
    fact("z-nation", "全国", "5%", 5, "%", indicator_id="gdp", kind="change_pct", scope="nation",
         article_id="a-郑州"),  # fmt: skip
    fact("z-avg", "郑州", "6.5%", 6.5, "%", indicator_id="gdp", kind="change_pct", basis="average_annual",
         period="since-2014"),  # fmt: skip
    fact("s-gdp", "上饶", "3720.9亿元", 3720.9 * YI, "元", indicator_id="gdp"),
    fact("s-gdp-23", "上饶", "3401.6亿元", 3401.6 * YI, "元", indicator_id="gdp", period="2023"),
    fact("s-retail", "上饶", "1500亿元", 1500 * YI, "元", indicator_id="retail_sales"),
    fact("s-repeat", "上饶", "3720.9亿元", 3720.9 * YI, "元", indicator_id="gdp", mention_of="s-gdp"),
    fact("h-compute", "黑龙江", "100P", 100, "P", indicator_id="computing_power"),
    fact("h-oneoff", "黑龙江", "3家", 3, "家"),
]


@pytest.fixture
def facts() -> pd.DataFrame:
    out = joined(ROWS)
    out.loc[out["region"] == "全国", "article_region"] = "郑州"
    for row in ROWS:  # per-row article columns (a newspaper beside the communiqués)
        for col in ("source", "published"):
            if col in row:
                out.loc[out["fact_id"] == row["fact_id"], col] = row[col]
    return out


def test_indicators_are_listed_by_how_many_regions_report_them(facts):
    assert cmp.indicator_options(facts, ALL) == [("gdp", 3), ("retail_sales", 1), ("computing_power", 1)]  # ties: file order
    assert cmp.indicator_option_label("gdp", 3, 4) == "地区生产总值 (3/4 地区)"
    assert cmp.indicator_option_label("gdp", 3, 4, "en").endswith("(3/4 regions)")


def test_ties_start_on_gdp():
    rows = joined([fact("a", "天津", "1家", 1, "家", indicator_id="high_tech_enterprises"),
                   fact("b", "郑州", "1亿元", YI, "元", indicator_id="gdp")])  # fmt: skip
    assert cmp.indicator_options(rows, ["天津", "郑州"])[0] == ("gdp", 1)


def test_default_view_is_what_the_regions_share(facts):
    assert cmp.default_view(facts, ALL) == cmp.View("gdp", "level", "", "2024", "")
    assert cmp.default_view(facts, ["黑龙江"]).indicator_id == "computing_power"
    assert cmp.default_view(joined([fact("x", "天津", "3家", 3, "家")]), ["天津"]) is None


def test_kinds_put_targets_last_and_keep_their_target_kind(facts):
    assert cmp.kind_options(facts, ALL, "gdp") == [("level", ""), ("change_pct", ""), ("target", "change_pct")]
    assert cmp.kind_label("target", "change_pct") == "目标（增长率）"


def test_periods_offer_basis_apart(facts):
    options = cmp.period_options(facts, ALL, "gdp", ("change_pct", ""))
    assert options == [("2024", ""), ("since-2014", "average_annual")]
    assert period_label("since-2014", "average_annual") == "2014年以来 · 年均"
    assert period_label("2024", "cumulative", "en") == "2024 · cumulative"


def test_view_draws_one_whole_region_figure_per_region_official_first(facts):
    rows = cmp.view_rows(facts, ALL, cmp.View("gdp", "level", "", "2024", ""))
    shown = cmp.drawn(rows)
    assert list(shown["fact_id"]) == ["t-gdp", "z-gdp", "s-gdp"]  # not the newspaper's, the part's, the group's
    assert set(shown["scope"]) == {"region"} and set(shown["period"]) == {"2024"}
    assert list(cmp.others(rows)["fact_id"]) == ["t-gdp-news"]
    assert cmp.missing_regions(shown, ALL) == ["黑龙江"]
    assert list(shown["label"]) == ["18,024", "14,532", "3,721"] and set(shown["display_unit"]) == {"亿元"}


def test_without_an_official_source_the_latest_published_is_drawn():
    rows = [fact("old", "天津", "1亿元", YI, "元", indicator_id="gdp"), fact("new", "天津", "2亿元", 2 * YI, "元",
            indicator_id="gdp")]  # fmt: skip
    frame = joined(rows, source="科技日报")
    frame.loc[frame["fact_id"] == "new", "published"] = "2025-06-01"
    frame.loc[frame["fact_id"] == "old", "published"] = "2024-06-01"
    shown = cmp.drawn(cmp.view_rows(frame, ["天津"], cmp.View("gdp", "level", "", "2024", "")))
    assert list(shown["fact_id"]) == ["new"]


def test_a_figure_in_another_unit_is_not_on_the_same_axis():
    rows = joined([fact("a", "天津", "100亿元", 100 * YI, "元", indicator_id="trade_total"),
                   fact("b", "郑州", "200亿元", 200 * YI, "元", indicator_id="trade_total"),
                   fact("c", "上饶", "10亿美元", 10 * YI, "美元", indicator_id="trade_total")])  # fmt: skip
    view = cmp.View("trade_total", "level", "", "2024", "")
    shown = cmp.drawn(cmp.view_rows(rows, ["天津", "郑州", "上饶"], view))
    assert list(shown["fact_id"]) == ["a", "b"]
    context = cmp.context_rows(rows, ["天津", "郑州", "上饶"], "trade_total", list(shown["fact_id"]))
    assert list(context["fact_id"]) == ["c"]


def test_periods_line_joins_years_only(facts):
    series = cmp.period_series(facts, ALL, cmp.View("gdp", "level", "", "2024", ""))
    assert set(zip(series["region"], series["period"], strict=True)) == {
        ("天津", "2024"), ("郑州", "2023"), ("郑州", "2024"), ("上饶", "2023"), ("上饶", "2024")}  # fmt: skip
    one_period = cmp.period_series(facts, ALL, cmp.View("gdp", "change_pct", "", "2024", ""))
    assert one_period.empty


def test_context_holds_every_other_figure_of_the_indicator(facts):
    drawn = ["t-gdp", "z-gdp", "s-gdp", "t-gdp-news"]
    context = cmp.context_rows(facts, ALL, "gdp", drawn)
    ids = set(context["fact_id"])
    assert {"t-part", "t-group", "z-nation", "z-target", "z-avg", "t-gdp-g"} <= ids
    assert not ids & {*drawn, "s-repeat", "s-retail"}
    assert list(context["scope"]).index("part") < list(context["scope"]).index("nation")


@pytest.mark.parametrize(
    "period,key,shape",
    [("2024", (2024, 12), "year"), ("2024-Q1", (2024, 3), "quarter1"), ("2024-H1", (2024, 6), "half1"),
     ("2024-01..2024-08", (2024, 8), "months01-08"), ("2024-12", (2024, 12), "month12"), ("", (0, 0), ""),
     ("since-2014", (0, 0), "since-2014")],
)  # fmt: skip
def test_period_order_and_granularity(period, key, shape):
    assert period_key(period) == key
    assert period_shape(period) == shape


def test_headlines_latest_whole_region_figure_or_none(facts):
    cards = {(c["indicator_id"], c["kind"]): c for c in cmp.headline_figures(facts, "郑州")}
    assert [k for k in cards] == cmp.HEADLINES
    gdp = cards[("gdp", "level")]["row"]
    assert gdp["fact_id"] == "z-gdp" and gdp["period"] == "2024" and gdp["label"] == "14,532"
    assert cards[("gdp", "change_pct")]["row"]["fact_id"] == "z-gdp-g"  # not the 年均 figure
    assert cards[("retail_sales", "level")]["row"] is None
    tianjin = {(c["indicator_id"], c["kind"]): c["row"] for c in cmp.headline_figures(facts, "天津")}
    assert tianjin[("gdp", "level")]["source"] == "某市统计局"  # the communiqué, not the newspaper


def test_vocabulary_table_counts_first_mentions_and_regions(facts):
    table = cmp.vocabulary_table(facts).set_index("id")
    assert table.loc["gdp", "n_facts"] == 13  # the repetition of 上饶's GDP is not counted
    assert table.loc["gdp", "n_regions"] == 4  # 天津, 郑州, 上饶 and 全国
    assert table.loc["imports", "n_facts"] == 0
    assert "GDP" in table.loc["gdp", "synonyms"] and table.loc["gdp_primary", "parent"] == "gdp"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_vocabulary_shown_in_words_not_codes(facts, lang):
    # The English page showed gdp, money and level、change_pct (browser review of 2026-12-03).
    table = cmp.vocabulary_table(facts)
    shown = cmp.vocabulary_shown(table, lang).set_index("id")
    zh = lang == "zh"
    assert shown.loc["gdp_primary", "parent"] == ("地区生产总值" if zh else "Gross regional product (GDP)")
    assert shown.loc["gdp", "unit_family"] == ("金额" if zh else "money")
    assert shown.loc["resident_population", "unit_family"] == ("人数" if zh else "people")
    kinds = shown.loc["gdp", "kinds"]
    assert ("增长率" if zh else "growth rate") in kinds and "change_pct" not in kinds
    # The picker names an indicator by its name alone: two entries of one name could not be told apart.
    assert not table["name_zh"].duplicated().any() and not table["name_en"].duplicated().any()


def test_indicator_figures_of_the_selected_regions(facts):
    figures = cmp.indicator_figures(facts, "gdp", ["郑州"])
    assert set(figures["region"]) == {"郑州", "全国"}  # 全国 from an article about 郑州
    assert "s-gdp" not in set(figures["fact_id"])


def test_a_store_without_the_new_columns_compares_nothing():
    old = joined([fact("a", "天津", "1亿元", YI, "元")]).drop(columns=list(cmp.CONTRACT_COLUMNS))
    assert cmp.indicator_options(old, ["天津"]) == []
    assert cmp.vocabulary_table(old)["n_facts"].sum() == 0


def test_a_figure_in_two_units_is_drawn_in_the_one_picked():
    # The seed communiqués count 技术合同 in 项 (上饶 902项, 天津 17803项) and 份 (郑州 11032份):
    # one axis draws one unit; the unit most regions use first, the other one on request.
    rows = joined([
        fact("s", "上饶", "136项", 136, "项", indicator_id="tech_contracts"),
        fact("t", "天津", "17803项", 17803, "项", indicator_id="tech_contracts"),
        fact("z", "郑州", "1.20万份", 12000, "份", indicator_id="tech_contracts"),
        fact("z-23", "郑州", "11032份", 11032, "份", indicator_id="tech_contracts", period="2023"),
    ])  # fmt: skip
    view = cmp.View("tech_contracts", "level", "", "2024", "")
    assert cmp.unit_options(rows, ALL, view) == ["项", "份"]
    assert list(cmp.drawn(cmp.view_rows(rows, ALL, view))["region"]) == ["天津", "上饶"]
    in_fen = cmp.View("tech_contracts", "level", "", "2024", "", "份")
    assert list(cmp.drawn(cmp.view_rows(rows, ALL, in_fen))["fact_id"]) == ["z"]
    assert list(cmp.period_series(rows, ALL, in_fen)["fact_id"]) == ["z-23", "z"]  # the lines too
    gone = cmp.View("tech_contracts", "level", "", "2024", "", "亿元")  # not offered: the usual one
    assert list(cmp.drawn(cmp.view_rows(rows, ALL, gone))["region"]) == ["天津", "上饶"]
    assert "z" in set(cmp.context_rows(rows, ALL, "tech_contracts", ["s", "t"])["fact_id"])  # 份 stays context


def test_a_change_in_points_is_compared_only_with_one_of_the_same_thing():
    # 天津 2024: 增速比上年加快0.6个百分点 (GDP's growth sped up) is no share change (上饰 第二产业占比…提高0.4个百分点),
    # and a gap to the province (高于全省1.1个百分点) is no change over time at all
    rows = joined([
        fact("t-pp", "天津", "0.6个百分点", 0.6, "个百分点", indicator_id="gdp", kind="change_pp", target_kind="growth"),
        fact("z-pp", "郑州", "0.4个百分点", 0.4, "个百分点", indicator_id="gdp", kind="change_pp", target_kind="share"),
        fact("s-gap", "上饶", "1.1个百分点", 1.1, "个百分点", indicator_id="gdp", kind="change_pp", target_kind="growth",
             basis="versus"),
    ])  # fmt: skip
    kinds = cmp.kind_options(rows, ALL, "gdp")
    assert sorted(kinds) == [("change_pp", "growth"), ("change_pp", "share")]
    assert cmp.kind_label("change_pp", "growth") == "增速变化（百分点）"
    assert cmp.kind_label("change_pp", "share", "en") == "change in share (points)"
    growth = cmp.drawn(cmp.view_rows(rows, ALL, cmp.View("gdp", "change_pp", "growth", "2024")))
    assert growth["region"].tolist() == ["天津"]  # not 上饶's gap to its province


def test_a_region_without_the_views_figure_is_told_apart_from_one_that_reports_it_otherwise():
    # 郑州 counts 技术合同 in 份, 天津 in 项: 郑州 is no region "without this figure"; 上饶 reports only 2023
    rows = joined([
        fact("t-tc", "天津", "2.1万项", 21000, "项", indicator_id="tech_contracts"),
        fact("z-tc", "郑州", "1.20万份", 12000, "份", indicator_id="tech_contracts"),
        fact("s-tc", "上饶", "900项", 900, "项", indicator_id="tech_contracts", period="2023"),
    ])  # fmt: skip
    view = cmp.View("tech_contracts", "level", "", "2024", "", "项")
    shown = cmp.drawn(cmp.view_rows(rows, ALL, view))
    missing = cmp.missing_regions(shown, ALL)
    assert missing == ["郑州", "上饶", "黑龙江"]
    assert cmp.elsewhere(rows, ALL, view, missing) == {"郑州": ("unit", "份"), "上饶": ("period", "2023\t")}


def test_an_overview_card_without_the_level_says_which_kinds_the_region_has():
    # 天津 2024 gives 社会消费品零售总额 only as a growth (下降3.1%): 无数据 for the level, and says a growth exists
    rows = joined([fact("t-rs", "天津", "3.1%", 3.1, "%", indicator_id="retail_sales", kind="change_pct")])
    retail = next(f for f in cmp.headline_figures(rows, "天津") if f["indicator_id"] == "retail_sales")
    assert retail["row"] is None and retail["other_kinds"] == ["change_pct"]
    # English labels put the kind first, so that a card that cuts its label keeps it
    assert cmp.headline_name("gdp", "change_pct", "en") == "growth rate · Gross regional product (GDP)"
    assert cmp.headline_name("gdp", "change_pct", "zh") == "地区生产总值 · 增长率"


def test_no_headlines_note_says_once_what_the_store_has_for_the_region():
    # 黑龙江's card showed eight 无数据 tiles and nothing to say why.
    facts = joined([
        fact("h1", "黑龙江", "100P", 100, "P", indicator_id="computing_power", scope="organisation"),
        fact("h2", "黑龙江", "100P", 100, "P", indicator_id="computing_power", mention_of="h1"),
        fact("h3", "黑龙江", "20余家", 20, "家", indicator="企业"),
        fact("t1", "天津", "18024亿元", 1.8024e12, "元", indicator_id="gdp"),
    ])  # fmt: skip
    figures = cmp.headline_figures(facts, "黑龙江")
    assert all(f["row"] is None and not f["other_kinds"] for f in figures)
    note = cmp.no_headlines_note(facts, "黑龙江")
    assert "黑龙江" in note and "2 个其他数字" in note and "算力" in note and "事实浏览" in note
    en = cmp.no_headlines_note(facts, "黑龙江", "en")
    assert "Heilongjiang" in en and "2 other figures" in en and "Computing power" in en
    assert cmp.no_headlines_note(facts.iloc[0:0], "黑龙江") == "数据表中没有黑龙江的任何数字，所以下面都是“无数据”。"
    plain = cmp.no_headlines_note(facts[facts["fact_id"] == "h3"], "黑龙江")
    assert "1 个其他数字" in plain and "指标有" not in plain
