"""Rules written on the fresh5 communiqués (临汾 2024, 厦门 2025; blind at their first score, tuning since), each on
the real sentence that showed the class (tests/corpus/official, committed) and on a written one."""

from __future__ import annotations

from functools import cache

import pytest

from lib import evaluate
from lib.extract import facts, numbers, script, spacing
from lib.model import Article

XIAMEN = "xiamen_2025_statistical_communique"
LINFEN = "linfen_2024_statistical_communique"


@cache
def _rows(doc: str) -> list[dict]:
    return evaluate.extract_doc(evaluate.find_doc(doc))


def _text(doc: str) -> str:
    return evaluate.find_doc(doc).read_text(encoding="utf-8")


def _fact(doc: str, raw: str, context: str) -> dict:
    return next(r for r in _rows(doc) if r["raw"] == raw and context in r["sentence"])


def _article(text: str) -> Article:
    return Article(article_id="a", input_file="a.txt", content_hash="h", source="", published="2026-03-01",
                   title="厦门市2025年国民经济和社会发展统计公报", text=text, region="厦门")  # fmt: skip


def test_a_space_splitting_a_word_is_read_through_and_the_row_shows_the_text_as_written():
    assert "跨境电商进出口 额 206.55亿元" in _text(XIAMEN)
    row = _fact(XIAMEN, "206.55亿元", "跨境电商")
    assert (row["indicator"], row["indicator_id"]) == ("跨境电商进出口额", "cross_border_ecommerce")
    assert "跨境电商进出口 额 206.55亿元" in row["sentence"]  # shown as written, spaces and all
    text = _text(XIAMEN)
    start = text.find(row["sentence"])
    assert start >= 0 and text[row["char_start"] : row["char_end"]] == row["raw"]


def test_only_a_lone_character_is_joined_never_two_words_nor_a_tables_cells():
    tables = facts.table_spans
    assert spacing.despaced("一般贸易进出口总 额 7092.85 亿元", tables) == "一般贸易进出口总额 7092.85 亿元"
    assert spacing.despaced("八、对外经济 全年全市进出口总额23.8亿元", tables) is None  # two words stay apart
    row = "香蕉 万吨 39.97 -0.4 甘 蔗 万吨 2564.15 1.0 花 生 万吨 12.3 2.1"
    assert spacing.despaced(row, tables) is None  # a flattened table keeps its cells


def test_offsets_map_back_to_the_written_text():
    written = _article("全年跨境电商进出口 额 206.55亿元，下降42.2%。")
    rows = script.analysed(facts.extract)(written)
    got = {r["raw"]: written.text[r["char_start"] : r["char_end"]] for r in rows}
    assert got == {"206.55亿元": "206.55亿元", "42.2%": "42.2%"}


def test_the_items_of_a_partners_total_are_the_partners_past_the_semicolon():
    sentence = "全年 对台进出口贸易总 额 523.21 亿元"
    assert sentence in _text(XIAMEN)
    assert _fact(XIAMEN, "269.65 亿元", "对台")["indicator_id"] == ""  # 进口 after ；, still 对台's
    assert _fact(XIAMEN, "253.56 亿元", "对台")["indicator_id"] == ""
    rows = facts.extract(_article("全年对欧盟进出口总额500亿元，其中，出口300亿元，增长1.0%；进口200亿元，增长2.0%。"))
    assert [r["indicator_id"] for r in rows if r["kind"] == "level"] == ["", "", ""]


def test_a_ratio_written_with_the_ratio_colon_is_a_structure():
    assert "三次产业结构为0.3∶37.8∶61.9" in _text(XIAMEN)
    rows = [r for r in _rows(XIAMEN) if "0.3∶37.8∶61.9" in r["sentence"]]
    assert [(r["kind"], r["indicator_id"]) for r in rows if r["raw"] in ("0.3", "37.8", "61.9")] == [
        ("share_pct", "gdp_primary"), ("share_pct", "gdp_secondary"), ("share_pct", "gdp_tertiary")]  # fmt: skip


def test_a_number_followed_by_its_unit_is_a_figure_not_a_table_cell():
    row = _fact(XIAMEN, "536.50 万人", "常住人口")
    assert (row["indicator_id"], row["period"]) == ("resident_population", "2025-12")
    assert numbers.is_unit_cell("万人，") and not numbers.is_unit_cell("甘")
    sentence = "图 12021 -2025 年地区生产总值及其增长速度 图 22021 -2025 年三次产业比重 人口 年末 常住人口 536.50 万人，"
    assert all(not (a <= sentence.index("536.50") < b) for a, b in facts.table_spans(sentence))


def test_a_captions_spaced_years_stay_in_the_caption():
    left = "图 22021 -2025 年三次产业增加值占地区生产总值比重 人口 年末 常住人口 "
    assert facts._after_captions(left) == "人口 年末 常住人口 "


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年全市进口铁矿砂（铁矿砂及其精矿）76.5万吨，比上年增长27.9%，进口金额3.4亿元，增长54.7%。", ""),
        ("全年全市进口总额3.4亿元，增长54.7%。", "imports"),
    ],
)
def test_an_amount_named_by_the_trade_verb_after_counted_goods_is_the_goods_value(text, expected):
    if text.startswith("全年全市进口铁矿砂"):
        assert text in _text(LINFEN)
    row = next(r for r in facts.extract(_article(text)) if r["raw"] == "3.4亿元")
    assert row["indicator_id"] == expected


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("其中，亿元以上项目398个，亿元以上项目完成投资增长9.4%。", "亿元以上"),  # 临汾 2024
        ("初步核算，全年全市万元地区生产总值能耗比上年下降4.5%。", "万元"),  # 临汾 2024
    ],
)
def test_a_magnitude_without_a_numeral_is_a_label_not_a_figure(sentence, label):
    assert sentence in _text(LINFEN)
    raws = [r["raw"] for r in facts.extract(_article(sentence))]
    assert label not in raws and raws  # the real figures stay (398个, 9.4%; 4.5%)
    assert "3万元" in [r["raw"] for r in facts.extract(_article("全年人均补贴3万元。"))]


@pytest.mark.parametrize("sentence, figure", [("泉州GDP以百亿元领先于福州。", "百亿元"), ("建成国产化风冷万卡集群。", "万卡")])
def test_a_magnitude_without_a_numeral_that_counts_something_stays_a_figure(sentence, figure):
    # the dev gold's 以百亿元领先 and the seed page's 万卡集群: figures, not labels
    assert figure in [r["raw"] for r in facts.extract(_article(sentence))]


def test_the_years_of_a_spaced_caption_are_no_figures():
    sentence = "图 32021 -2025 年一般公共预算总收入及其增长速度 全年一般公共预算支出"
    assert sentence in _text(XIAMEN)
    assert not [r for r in _rows(XIAMEN) if r["sentence"].startswith("图 32021") and r["raw"] in ("32021", "-2025 年")]
    written = facts.extract(_article("图 12020 -2024 年全市财政收入 全年财政收入120亿元，增长5.0%。"))
    assert [r["raw"] for r in written] == ["120亿元", "5.0%"]


def test_a_bare_share_after_a_figure_is_the_share_of_its_name_as_written():
    # 临汾 2024: 其中，城镇常住人口221.69万人，占常住人口比重为57.50%: the phrase of 221.69 drops 城镇 (a breakdown of
    # 常住人口), the share's numerator keeps it, so the share is the urbanisation rate
    row = _fact(LINFEN, "57.50%", "城镇常住人口")
    assert row["indicator_id"] == "urbanization_rate"
    rows = facts.extract(_article("年末户籍人口300万人。其中，男性人口150万人，占户籍人口比重为50.0%。"))
    assert [r["indicator_id"] for r in rows if r["raw"] == "50.0%"] == [""]  # 男性人口比重: no standard share
