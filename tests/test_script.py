"""Traditional script: texts in 繁體 are read through OpenCC's conversion and shown as written.

The sentences are the shipped Tianjin communiqué's, converted to Traditional with OpenCC (s2t), and
sentences written for these tests in the style of Hong Kong and Taiwan media."""

from __future__ import annotations

import opencc
import pytest

from lib import pipeline
from lib.extract import facts, script
from lib.model import Document
from tests.test_facts import _article

TIANJIN = "全年全市地区生产总值18024.32亿元，比上年增长5.1%。\n全年一般公共预算收入2133.68亿元，比上年增长5.2%。"
TRADITIONAL = opencc.OpenCC("s2t").convert(TIANJIN)


def test_the_conversion_keeps_every_position():
    assert TRADITIONAL != TIANJIN and "億" in TRADITIONAL
    assert script.simplified(TRADITIONAL) == TIANJIN
    assert script.is_traditional(TRADITIONAL) and not script.is_traditional(TIANJIN)


def test_traditional_figures_equal_the_simplified_ones_and_show_as_written():
    extract = script.analysed(facts.extract)
    simp = facts.extract(_article(TIANJIN))
    trad = extract(_article(TRADITIONAL))
    keys = ("value_base", "base_unit", "kind", "indicator_id", "period", "char_start", "char_end", "region")
    assert [tuple(r[k] for k in keys) for r in trad] == [tuple(r[k] for k in keys) for r in simp]
    assert [r["raw"] for r in trad] == ["18024.32億元", "5.1%", "2133.68億元", "5.2%"]
    assert all(r["sentence"] in TRADITIONAL for r in trad)
    assert trad[0]["indicator_id"] == "gdp" and trad[2]["indicator_id"] == "budget_revenue"


@pytest.mark.parametrize(
    "sentence, raw, value_base, region",
    [
        ("廣東省去年地區生產總值達到13.57萬億元，約佔全國十分之一。", "13.57萬億元", 1.357e13, "广东"),
        ("鄭州市上半年規模以上工業增加值同比增長5.4%。", "5.4%", 5.4, "郑州"),
        ("蘇州工業園區實際使用外資逾20億美元。", "逾20億美元", 2e9, "苏州"),
    ],
)
def test_hong_kong_and_taiwan_style_sentences(sentence, raw, value_base, region):
    doc = Document(input_file="hk.txt", text=sentence, content_hash="h", encoding="utf-8", published="2024-08")
    [article] = pipeline.articles_from_document(doc)
    rows = pipeline.process_document(doc)["tables"]["facts"]
    [row] = [r for r in rows if r["raw"] == raw]
    assert row["value_base"] == pytest.approx(value_base) and row["region"] == region
    assert article.region == region and row["sentence"] == sentence


def test_a_big5_file_decodes_and_reads_like_its_simplified_twin(tmp_path):
    from lib.ingest import reader

    text = opencc.OpenCC("s2t").convert("2024年天津市统计公报\n\n" + TIANJIN)
    path = tmp_path / "hk.txt"
    path.write_bytes(text.encode("big5"))
    doc = reader.read_document(path)
    assert doc.encoding in ("big5hkscs", "cp950") and doc.text == text.strip()
    rows = pipeline.process_document(doc)["tables"]["facts"]
    assert [r["indicator_id"] for r in rows if r["indicator_id"]][:2] == ["gdp", "gdp"]


def test_gbk_text_is_not_taken_for_big5(tmp_path):
    from lib.ingest import reader

    path = tmp_path / "gbk.txt"
    path.write_bytes(TIANJIN.encode("gbk"))
    assert reader.read_document(path).encoding == "gb18030"
