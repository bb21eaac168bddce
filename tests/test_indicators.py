"""lib.extract.indicators: the vocabulary file is consistent, and names match as statistics texts write them.

The sentences are from the statistical communiqués in data/raw/official (public documents of state organs)."""

from __future__ import annotations

import pytest

from lib.extract import indicators


def test_vocabulary_is_consistent():
    vocab = indicators.vocabulary()
    assert len(vocab) >= 60
    for ind in vocab.values():
        assert ind.id.isascii() and ind.id == ind.id.lower(), ind.id
        assert ind.name_zh and ind.name_en and ind.kinds, ind.id
        assert not ind.parent or ind.parent in vocab, f"{ind.id}: unknown parent {ind.parent}"
        assert ind.unit_family in set(indicators.unit_families().values()) | {"index"}, ind.id


def test_a_name_given_to_two_indicators_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "indicators"
    folder.mkdir()
    (folder / "indicators.csv").write_text(
        "id,name_zh,name_en,synonyms,unit_family,category,parent,kinds\n"
        "a,甲指标,A,乙,money,economy,,level\n"
        "b,乙,B,,money,economy,,level\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(indicators.paths, "DATA_DIR", tmp_path)
    indicators.vocabulary.cache_clear()
    try:
        with pytest.raises(ValueError, match="乙.*names both 'a' and 'b'"):
            indicators.vocabulary()
    finally:
        indicators.vocabulary.cache_clear()


TIANJIN = (
    "初步核算，全市地区生产总值18024.32亿元，按不变价格计算，比上年增长5.1%，增速比上年加快0.6个百分点。"
    "其中，第一产业增加值284.28亿元，比上年增长3.8%；第二产业增加值6214.27亿元，增长4.3%"
)


@pytest.mark.parametrize(
    "sentence, figure, kind, base_unit, expected",
    [
        (TIANJIN, "18024.32", "level", "元", "gdp"),
        (TIANJIN, "5.1%", "change_pct", "%", "gdp"),
        (TIANJIN, "284.28", "level", "元", "gdp_primary"),
        (TIANJIN, "4.3%", "change_pct", "%", "gdp_secondary"),
        # The gold labels a change of GDP's growth rate as gdp, kind change_pp (the vocabulary lists it).
        (TIANJIN, "0.6个百分点", "change_pp", "个百分点", "gdp"),
        ("全年一般公共预算收入2133.68亿元，比上年增长5.2%；其中税收收入1620.73亿元", "1620.73", "level", "元", "tax_revenue"),
        ("全年一般公共预算收入2133.68亿元，比上年增长5.2%", "5.2%", "change_pct", "%", "budget_revenue"),
        # 进出口 hides the 出口 inside it; 出口 alone is exports.
        ("全年货物进出口总额8417.4亿元，其中出口3722.4亿元", "8417.4", "level", "元", "trade_total"),
        ("全年货物进出口总额8417.4亿元，其中出口3722.4亿元", "3722.4", "level", "元", "exports"),
        # A figure in 家 is never GDP, whatever the sentence names before it.
        ("地区生产总值增长5%，国家高新技术企业达到1.3万家", "1.3万家", "level", "家", "high_tech_enterprises"),
        ("第一产业投资增长4.1%", "4.1%", "change_pct", "%", "fai_primary"),
    ],
)
def test_identify_in_real_sentences(sentence, figure, kind, base_unit, expected):
    before = sentence[: sentence.index(figure)]
    found = indicators.identify("", before, kind, base_unit)
    assert (found.id if found else None) == expected


def test_the_phrase_wins_over_the_context():
    found = indicators.identify("技术合同额", "地区生产总值增长5%，", "level", "元")
    assert found.id == "tech_contract_value"


def test_full_width_and_latin_case_match():
    assert [m.id for m in indicators.find("ＧＤＰ增长")] == ["gdp"]
    assert [m.id for m in indicators.find("r&d经费支出")] == ["rd_expenditure"]


ZHENGZHOU_BUDGET = "全年地方财政一般公共预算支出1519.6亿元，比上年增长4.3%。"
ZHENGZHOU_BREAKDOWN = "其中，民生支出1098.7亿元，增长5.9%，占一般公共预算支出比重72.3%，分类别看：一般公共服务支出136.5亿元"


def _fact(sentence, figure, phrase, kind, base_unit, start=0):
    at = sentence.index(figure, start)
    return {
        "article_id": "a", "field": "text", "sentence": sentence, "sentence_start": 0,
        "char_start": at, "char_end": at + len(figure), "indicator": phrase, "kind": kind, "base_unit": base_unit, "category": "other",
    }  # fmt: skip


def test_a_bare_growth_rate_belongs_to_the_figure_before_it():
    rows = indicators.annotate(
        [
            _fact(ZHENGZHOU_BUDGET, "1519.6亿元", "", "level", "元"),
            _fact(ZHENGZHOU_BUDGET, "4.3%", "", "change_pct", "%"),
        ]
    )
    assert [r["indicator_id"] for r in rows] == ["budget_expenditure", "budget_expenditure"]
    assert rows[0]["indicator_name"] == "一般公共预算支出" and rows[0]["category"] == "fiscal"


def test_a_breakdown_is_not_its_total():
    """Bare figures after other measures do not reach back past them to the total named earlier."""
    rows = indicators.annotate(
        [
            _fact(ZHENGZHOU_BREAKDOWN, "1098.7亿元", "民生支出", "level", "元"),
            _fact(ZHENGZHOU_BREAKDOWN, "5.9%", "", "change_pct", "%"),
            _fact(ZHENGZHOU_BREAKDOWN, "72.3%", "", "share_pct", "%"),
            _fact(ZHENGZHOU_BREAKDOWN, "136.5亿元", "", "level", "元"),
        ]
    )
    assert [r["indicator_id"] for r in rows] == ["", "", "", ""]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("全市地区生产总值", "gdp"),
        ("郑州市货物进出口总值", "trade_total"),
        ("固定资产投资完成额", "fixed_asset_investment"),
        ("地方财政一般公共预算收入", "budget_revenue"),
        # Another measure around a standard name (Zhengzhou 2023 communiqué).
        ("乡村常住人口", None),
        ("轻工业增加值", None),
        ("规模以上工业企业营业收入", None),
        ("住户存款余额", None),
        ("单位规模以上工业增加值能耗", None),
    ],
)
def test_a_name_inside_a_phrase_counts_only_when_it_is_the_measure(phrase, expected):
    unit = "人" if "人口" in phrase else ("吨标准煤" if "能耗" in phrase else "元")
    found = indicators.identify(phrase, phrase, "level", unit)
    assert (found.id if found else None) == expected


def test_the_tail_of_a_longer_name_takes_that_name():
    """The extractor sometimes keeps only 收入 of 地方财政一般公共预算收入."""
    sentence = "全年地方财政总收入1827.4亿元，比上年增长19.6%；地方财政一般公共预算收入1165.8亿元，增长3.1%。"
    before = sentence[: sentence.index("1165.8")]
    assert indicators.identify("收入", before, "level", "元").id == "budget_revenue"
    # 地方财政总收入 is a wider total than the general budget: no standard id.
    assert indicators.identify("地方财政总收入", sentence[: sentence.index("1827.4")], "level", "元") is None


# Shanghai 2024 communiqué (tests/corpus/official, not part of any gold set): what a name does not measure.
@pytest.mark.parametrize(
    "sentence, raw, expected",
    [
        # The share of a part in GDP measures the part, not GDP.
        ("第三产业增加值占地区生产总值的比重为78.2%。", "78.2%", "gdp_tertiary"),
        ("全年战略性新兴产业增加值12532.96亿元。战略性新兴产业增加值占上海市生产总值的比重为23.2%。", "23.2%",
         "strategic_emerging_industries"),
        # A name followed by another measure's words: 产品销售率 is not industrial value added, 出生 not population.
        ("全年规模以上工业产品销售率为99.3%。", "99.3%", ""),
        ("全年常住人口出生11.8万人，出生率为4.75‰。", "11.8万人", ""),
        # Trade with one partner is a breakdown of trade.
        ("按市场分，对欧盟进口5037.48亿元，下降5.7%。", "5037.48亿元", ""),
        ("对美国出口385.53亿元，下降6.4%。", "385.53亿元", ""),
        # The urban residents' consumption is a part of residents' consumption, with an id of its own.
        ("其中，城镇常住居民人均消费支出54980元，增长0.1%。", "54980元", "consumption_per_capita_urban"),
    ],
)  # fmt: skip
def test_what_a_name_does_not_measure(sentence, raw, expected):
    from lib.extract import facts
    from tests.test_facts import _article

    rows = facts.extract(_article(sentence, region="上海", province="上海"))
    [row] = [r for r in rows if r["raw"] == raw]
    assert row["indicator_id"] == expected


def test_names_before_a_cut_are_those_of_the_prefix():
    """find_before reuses one scan of the sentence: at every cut, names crossing it included, it must
    give what a scan of the prefix gives."""
    from lib import paths, text
    from lib.ingest.reader import read_document
    from lib.pipeline import articles_from_document

    sentences = [
        "一般公共预算收入1519.6亿元，地区生产总值增长5%",  # names cut in their middle at many offsets
        "ＧＤＰ增长5.2%，r&d经费支出增长8%",  # width folding and upper-casing keep offsets
    ]
    files = sorted(paths.RAW_DIR.glob("*.txt")) + sorted((paths.RAW_DIR / "official").glob("*.txt"))
    for p in files:
        for a in articles_from_document(read_document(p)):
            sentences += [s.text for s in text.split_sentences(a.text, clause_breaks=False)][:40]
    assert len(sentences) > 100
    for s in sentences:
        for cut in range(len(s) + 1):
            assert indicators.find_before(s, cut) == indicators.find(s[:cut]), (s, cut)


# tests/corpus/reports (tuning): names said in parts, across clauses.
@pytest.mark.parametrize(
    "sentence, region, raw, expected",
    [
        # 白银 2024: a clause opening with 实现 has the subject of the sentence's first 实现 clause
        ("从经济效益看，1-12月，全市规模以上工业企业实现营业收入1112.72亿元，同比增长19.6%；实现利润总额35.61亿元，增长62.9%；",
         "白银", "35.61亿元", "industrial_profit"),
        ("从经济效益看，1-12月，全市规模以上工业企业实现营业收入1112.72亿元，同比增长19.6%；实现利润总额35.61亿元，增长62.9%；",
         "白银", "62.9%", "industrial_profit"),
        # ... but not a channel's part named before the verb (通过公共网络实现零售额 is not online retail)
        ("全年限额以上单位通过公共网络实现零售额120.5亿元，增长8.1%。", "白银", "120.5亿元", ""),
        # 济源 2021: the level at current prices, and the short name of grain output
        ("初步核算，2021年全市地区生产总值现价总量为691.35亿元，按不变价格计算，比上年增长3.3%。", "济源", "691.35亿元", "gdp"),
        ("粮食生产总体稳定，2021年粮食总产23.54万吨，连续16年超过20万吨。", "济源", "23.54万吨", "grain_output"),
    ],
)  # fmt: skip
def test_names_said_in_parts(sentence, region, raw, expected):
    from lib.extract import facts
    from tests.test_facts import _article

    rows = facts.extract(_article(sentence, region=region, province="甘肃" if region == "白银" else "河南"))
    [row] = [r for r in rows if r["raw"] == raw]
    assert row["indicator_id"] == expected
