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
        # A change of a growth rate is not a value of GDP.
        (TIANJIN, "0.6个百分点", "change_pp", "个百分点", None),
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
