"""AppTest of the Compare, Overview and Indicators pages on a store built by code in the facts
contract (indicator_id, scope, basis, target_kind ...) and on the seed store: no chart sets unlike
figures side by side, a region without the figure is named, targets are drawn apart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from factrows import fact

from lib import store
from lib.dashboard.comparable import CONTRACT_COLUMNS, HEADLINES
from lib.extract.indicators import vocabulary
from lib.store.schema import COLUMNS
from tests.test_app import _default, app, chart_spec, region_filter, texts, use_store

COMPARE, OVERVIEW, INDICATORS = "app_pages/compare.py", "app_pages/overview.py", "app_pages/indicators.py"
REGIONS = ["天津", "郑州", "上饶", "黑龙江"]
YI = 1e8
# article_id -> (region, source, published, title)
ARTICLES = {
    "tj-gov": ("天津", "天津市统计局", "2025-03-21", "2024年天津市国民经济和社会发展统计公报"),
    "tj-news": ("天津", "科技日报", "2025-05-20", "天津：融合三地“六链”"),
    "zz-gov": ("郑州", "郑州市统计局", "2025-04-15", "2024年郑州市国民经济和社会发展统计公报"),
    "zz-gov-23": ("郑州", "郑州市统计局", "2024-04-07", "2023年郑州市国民经济和社会发展统计公报"),
    "sr-gov": ("上饶", "上饶市统计局", "2025-04", "2024年上饶市国民经济和社会发展统计公报"),
    "hlj-news": ("黑龙江", "科技日报", "2024-05", "黑龙江：100P人工智能算力中心正式交付"),
}
FACTS = [
    fact("tj-gdp", "天津", "18024.32亿元", 18024.32 * YI, "元", indicator_id="gdp", article_id="tj-gov"),
    fact("tj-gdp-news", "天津", "1.8万亿元", 18000 * YI, "元", indicator_id="gdp", article_id="tj-news"),
    fact("tj-gdp-g", "天津", "5.1%", 5.1, "%", indicator_id="gdp", kind="change_pct", article_id="tj-gov"),
    fact("tj-binhai", "天津", "4000亿元", 4000 * YI, "元", indicator_id="gdp", scope="part", subject="滨海新区",
         article_id="tj-news", sentence="滨海新区地区生产总值4000亿元。"),  # fmt: skip
    fact("tj-jjj", "京津冀", "10.4万亿元", 104000 * YI, "元", indicator_id="gdp", scope="group",
         subject="京津冀", article_id="tj-news"),  # fmt: skip
    fact("tj-retail", "天津", "3500亿元", 3500 * YI, "元", indicator_id="retail_sales", article_id="tj-gov"),
    fact("zz-gdp", "郑州", "14532.1亿元", 14532.1 * YI, "元", indicator_id="gdp", article_id="zz-gov"),
    fact("zz-gdp-23", "郑州", "13617.8亿元", 13617.8 * YI, "元", indicator_id="gdp", period="2023",
         article_id="zz-gov-23"),  # fmt: skip
    fact("zz-gdp-g", "郑州", "5.7%", 5.7, "%", indicator_id="gdp", kind="change_pct", article_id="zz-gov"),
    fact("zz-target", "郑州", "6%左右", 6, "%", indicator_id="gdp", kind="target", target_kind="change_pct",
         period="2025", qualifier="about", article_id="zz-gov"),  # fmt: skip
    fact("zz-nation", "全国", "5%", 5, "%", indicator_id="gdp", kind="change_pct", scope="nation",
         article_id="zz-gov"),  # fmt: skip
    fact("sr-gdp", "上饶", "3720.9亿元", 3720.9 * YI, "元", indicator_id="gdp", article_id="sr-gov"),
    fact("sr-gdp-23", "上饶", "3401.6亿元", 3401.6 * YI, "元", indicator_id="gdp", period="2023",
         article_id="sr-gov"),  # fmt: skip
    fact("sr-target", "上饶", "6.5%", 6.5, "%", indicator_id="gdp", kind="target", target_kind="change_pct",
         period="2025", article_id="sr-gov"),  # fmt: skip
    fact("hlj-compute", "黑龙江", "100P", 100, "P", indicator_id="computing_power", article_id="hlj-news"),
    fact("hlj-oneoff", "黑龙江", "3家", 3, "家", article_id="hlj-news", scope="organisation", subject="某公司"),
]


def with_contract_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """The facts schema with the contract's columns (a no-op once lib/store/schema.py has them)."""
    have = {name for name, _, _ in COLUMNS["facts"]}
    extra = [(c, pa.string(), "facts contract (issue 10)") for c in CONTRACT_COLUMNS if c not in have]
    if extra:
        monkeypatch.setitem(COLUMNS, "facts", [*COLUMNS["facts"], *extra])


def article_rows() -> list[dict]:
    rows = []
    for article_id, (region, source, published, title) in ARTICLES.items():
        row = {name: _default(typ) for name, typ, _ in COLUMNS["articles"]}
        rows.append(row | {"article_id": article_id, "region": region, "source": source, "published": published,
                           "title": title, "province": region})  # fmt: skip
    return rows


def fact_rows(facts: list[dict]) -> list[dict]:
    names = [name for name, _, _ in COLUMNS["facts"]]
    return [{n: r.get(n, "") for n in names} for r in facts]


@pytest.fixture
def standard_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with_contract_schema(monkeypatch)
    store.write_table("articles", article_rows(), tmp_path)
    store.write_table("facts", fact_rows(FACTS), tmp_path)
    return use_store(monkeypatch, tmp_path)


@pytest.fixture
def seeded(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, seed_store)


def bar_ids(at, i: int = 0) -> list[str]:
    return [c[0] for trace in chart_spec(at, i)["data"] for c in trace.get("customdata", [])]


def assert_like_with_like(at, facts: pd.DataFrame) -> None:
    """Every bar of the first chart: one indicator, kind, target kind, period and basis; whole regions; one per region."""
    ids = bar_ids(at)
    drawn = facts.set_index("fact_id").loc[ids]
    for col in ("indicator_id", "kind", "target_kind", "period", "basis"):
        assert drawn[col].nunique() <= 1, (col, drawn[col].tolist())
    assert set(drawn["scope"]) <= {"region"}
    assert (drawn["indicator_id"] != "").all()
    assert drawn["region"].is_unique


def all_texts(at) -> str:
    return texts(at) + "\n" + "\n".join(str(e.value) for e in at.text)


# --- Compare --------------------------------------------------------------------------------------


def test_compare_starts_on_what_the_regions_share(standard_store: Path):
    at = app(page=COMPARE)
    assert not at.exception
    picker = at.selectbox(key="cmp_indicator")
    assert picker.value == "gdp"
    assert picker.format_func("gdp") == "地区生产总值 (3/4 地区)"
    assert at.selectbox(key="cmp_kind").value == "level"
    assert at.selectbox(key="cmp_period").value == "2024"
    assert bar_ids(at) == ["tj-gdp", "zz-gdp", "sr-gdp"]  # the communiqué's, not the newspaper's
    spec = chart_spec(at)
    assert spec["layout"]["xaxis"]["categoryarray"] == REGIONS
    assert [t.split("<br>")[1] for t in spec["data"][0]["text"]] == ["2024"] * 3  # the period on every bar


def test_no_chart_sets_unlike_figures_side_by_side(standard_store: Path):
    facts = store.read_table("facts", standard_store)
    at = app(page=COMPARE)
    seen = set()
    for i in range(len(at.selectbox(key="cmp_indicator").options)):
        at.selectbox(key="cmp_indicator").select_index(i).run()
        for k in range(len(at.selectbox(key="cmp_kind").options)):
            at.selectbox(key="cmp_kind").select_index(k).run()
            for p in range(len(at.selectbox(key="cmp_period").options)):
                at.selectbox(key="cmp_period").select_index(p).run()
                assert not at.exception
                assert_like_with_like(at, facts)
                seen.add(tuple(at.selectbox(key=key).value for key in ("cmp_indicator", "cmp_kind", "cmp_period")))
    assert len(seen) == 6  # gdp: level 2024 and 2023, growth, target; retail sales; computing power


def test_a_region_without_the_figure_is_named_as_no_data(standard_store: Path):
    at = app(page=COMPARE)
    assert "没有这个数字的地区：黑龙江" in all_texts(at)
    marks = [a for a in chart_spec(at)["layout"]["annotations"] if a["text"] == "无数据"]
    assert [a["x"] for a in marks] == ["黑龙江"]


def test_targets_are_drawn_hollow_and_labelled_target(standard_store: Path):
    at = app(page=COMPARE)
    kinds = at.selectbox(key="cmp_kind")
    assert kinds.options == ["数值", "增长率", "目标（增长率）"]  # targets last, apart from actual growth
    kinds.set_value("target:change_pct").run()
    bar = chart_spec(at)["data"][0]
    assert bar["name"] == "目标" and bar["marker"]["color"] == "rgba(0,0,0,0)"
    assert bar_ids(at) == ["zz-target", "sr-target"]
    assert "目标值，不是实际完成值" in " ".join(a["text"] for a in chart_spec(at)["layout"]["annotations"])


def test_table_view_is_the_rows_drawn_and_lists_the_other_source(standard_store: Path):
    at = app(page=COMPARE)
    drawn, repeated = at.dataframe[0].value, at.dataframe[1].value  # the chart's Table tab, other sources
    raws = [c[1] for c in chart_spec(at)["data"][0]["customdata"]]
    assert list(drawn["原文"]) == raws and list(drawn["地区"]) == ["天津", "郑州", "上饶"]
    assert list(repeated["raw"]) == ["1.8万亿元"] and list(repeated["source"]) == ["科技日报"]


def test_several_periods_give_a_line_chart(standard_store: Path):
    at = app(page=COMPARE)
    lines = chart_spec(at, 1)
    by_region = {tr["name"]: tr["x"] for tr in lines["data"]}
    assert by_region == {"天津": ["2024"], "郑州": ["2023", "2024"], "上饶": ["2023", "2024"]}


def test_other_figures_of_the_indicator_are_context_cards(standard_store: Path):
    at = app(page=COMPARE)
    shown = all_texts(at)
    assert "天津 · 区县/园区：滨海新区" in shown
    assert "京津冀 · 多地合计：京津冀" in shown and "全国 · 全国/同类城市" in shown
    assert "滨海新区地区生产总值【4000亿元】。" in shown  # the sentence, number marked, one click away
    assert any(e.label == "句子与出处" for e in at.expander)
    assert not set(bar_ids(at)) & {"tj-binhai", "tj-jjj", "zz-nation"}


def test_compare_in_english_and_for_one_region(standard_store: Path):
    at = app({"region": "黑龙江"}, page=COMPARE)
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="cmp_indicator").format_func("computing_power") == "Computing power (1/1 regions)"
    assert bar_ids(at) == ["hlj-compute"]
    assert chart_spec(at)["layout"]["xaxis"]["title"]["text"] == "Region"


# --- Overview -------------------------------------------------------------------------------------


def test_overview_cards_show_the_headline_indicators(standard_store: Path):
    at = app()
    assert not at.exception
    names = [m.label for m in at.metric]
    # 黑龙江 has no headline figure (a one-off count is no headline): its card says so once, with no tiles
    assert len(names) == len(HEADLINES) * (len(REGIONS) - 1)
    assert names[:3] == ["地区生产总值", "地区生产总值 · 增长率", "规模以上工业增加值 · 增长率"]
    values = [m.value for m in at.metric]
    tianjin = values[: len(HEADLINES)]
    assert tianjin[:2] == ["18,024 亿元", "5.1%"] and tianjin[4] == "3,500 亿元"
    assert tianjin[2] == "无数据"
    notes = [x for x in all_texts(at).split("\n") if x.startswith("数据表中没有")]
    assert len(notes) == 1 and "黑龙江" in notes[0]  # said once, for the region with no headline at all
    assert "2024 · 天津市统计局" in all_texts(at)


# --- Indicators -----------------------------------------------------------------------------------


def test_indicators_page_lists_the_vocabulary_with_counts(standard_store: Path):
    at = app(page=INDICATORS)
    assert not at.exception
    assert at.title[0].value == "指标词表"
    table = at.dataframe[0].value.set_index("id")
    assert list(table.index) == list(vocabulary())
    assert table.loc["gdp", "n_facts"] == 13 and table.loc["gdp", "n_regions"] == 5  # 京津冀 and 全国 too
    assert table.loc["imports", "n_facts"] == 0
    assert "GDP" in table.loc["gdp", "synonyms"]
    assert at.selectbox(key="ind_pick").value == "gdp"  # the indicator with most figures
    figures = at.dataframe[1].value
    assert len(figures) == 13 and {"滨海新区", "京津冀"} <= set(figures["subject"])


def test_indicators_page_headers_are_words_in_both_languages(standard_store: Path):
    # The English page headed the id column "Id": a visitor could not tell what it is.
    import json

    for lang, expected in (("zh", "代码（链接中的 indicator=）"), ("en", "Code (indicator= in links)")):
        at = app({"lang": lang}, page=INDICATORS)
        assert not at.exception
        config = json.loads(at.dataframe[0].proto.columns or "{}")
        labels = {name: c.get("label") for name, c in config.items() if isinstance(c, dict)}
        assert labels["id"] == expected
        assert "Id" not in labels.values(), labels


def test_indicators_page_shows_the_figures_of_a_chosen_indicator(standard_store: Path):
    at = app({"region": "黑龙江"}, page=INDICATORS)
    at.selectbox(key="ind_pick").set_value("computing_power").run()
    figures = at.dataframe[1].value
    assert list(figures["raw"]) == ["100P"] and list(figures["region"]) == ["黑龙江"]
    at.selectbox(key="ind_pick").set_value("imports").run()
    assert "所选地区没有这个指标的数字" in texts(at)
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Indicators"


# --- the seed store (the default dataset: the newspaper page and the official communiqués) --------


def needs_indicator_ids(directory: Path) -> pd.DataFrame:
    facts = store.read_table("facts", directory)
    if "indicator_id" not in facts.columns:
        pytest.skip("this store predates the facts contract (no indicator_id column)")
    return facts


@pytest.mark.parametrize("page", [COMPARE, OVERVIEW, INDICATORS])
def test_pages_render_on_the_seed_store(seeded: Path, page: str):
    at = app(page=page)
    assert not at.exception
    assert region_filter(at).options


def test_seed_compare_draws_like_with_like_for_every_choice(seeded: Path):
    facts = needs_indicator_ids(seeded)
    at = app(page=COMPARE)
    indicators = at.selectbox(key="cmp_indicator").options
    assert at.selectbox(key="cmp_indicator").value == "gdp"
    assert len(bar_ids(at)) >= 3  # the official communiqués: 天津, 郑州 and 上饶 share GDP
    for i in range(min(len(indicators), 8)):
        at.selectbox(key="cmp_indicator").select_index(i).run()
        for k in range(len(at.selectbox(key="cmp_kind").options)):
            at.selectbox(key="cmp_kind").select_index(k).run()
            assert not at.exception
            assert_like_with_like(at, facts)
    at.selectbox(key="cmp_indicator").set_value("gdp").run()
    assert "黑龙江" in all_texts(at)  # named as without the figure


def test_seed_indicators_page_counts_the_store(seeded: Path):
    facts = needs_indicator_ids(seeded)
    at = app(page=INDICATORS)
    table = at.dataframe[0].value.set_index("id")
    first = facts[(facts["mention_of"] == "") & (facts["indicator_id"] != "")]
    assert table["n_facts"].sum() == len(first)
    assert table.loc["gdp", "n_regions"] >= 3
