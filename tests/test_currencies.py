"""One currency table (data/indicators/currencies.csv) decides what is money everywhere: the number
reader, the facts' category, the indicator unit families and the unit a chart draws money in."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.dashboard.charts.common import display_units
from lib.extract import currencies
from lib.extract.indicators import unit_families
from lib.extract.numbers import find_quantities

ALL = list(currencies.currencies().values())


def test_table_is_consistent():
    units = [c.unit for c in ALL]
    assert len(units) == len(set(units)), "a unit listed twice"
    for c in ALL:
        assert c.canonical in currencies.currencies(), f"{c.unit}: its canonical {c.canonical} is not listed"
        assert currencies.currencies()[c.canonical].iso == c.iso, f"{c.unit}: ISO differs from its canonical"
        assert c.iso.isascii() and len(c.iso) == 3 and c.en


@pytest.mark.parametrize("cur", ALL, ids=[c.unit for c in ALL])
def test_every_currency_reads_as_money(cur):
    # 12亿港币 and 12亿港元 must be one currency, or a chart would draw them as two units.
    sentence = f"全年实际使用外资12.5亿{cur.unit}，增长3.1%。"
    q = next(q for q in find_quantities(sentence) if q.value == 12.5)
    assert q.unit == f"亿{cur.unit}"  # as written
    assert q.base_unit == cur.canonical and q.currency == cur.iso
    assert q.value_base == pytest.approx(1.25e9)
    assert unit_families()[q.base_unit] == "money"
    shown = display_units(pd.DataFrame([{"base_unit": q.base_unit, "value_base": q.value_base}]))
    assert shown.loc[0, "display_unit"] == f"亿{cur.canonical}"
    assert shown.loc[0, "display_value"] == pytest.approx(12.5)


def test_price_per_measure_keeps_its_measure():
    q = find_quantities("生猪出栏价格每吨300元/吨。")  # 元/吨 is a price, not an amount of money
    assert [x.base_unit for x in q if x.value == 300] == ["元/吨"]


def test_non_money_units_are_not_money():
    shown = display_units(pd.DataFrame([{"base_unit": "家", "value_base": 12.0}]))
    assert shown.loc[0, "display_unit"] == "家" and shown.loc[0, "display_value"] == 12.0
    assert not currencies.is_money("家") and currencies.english("美金") == "US dollars"


def test_people_in_wan_only_when_every_figure_is_that_large():
    populations = pd.DataFrame([{"base_unit": "人", "value_base": 13_640_000.0}, {"base_unit": "人", "value_base": 6_401_000.0}])
    shown = display_units(populations)
    assert shown["display_unit"].tolist() == ["万人", "万人"]
    assert shown["display_value"].tolist() == [pytest.approx(1364.0), pytest.approx(640.1)]
    mixed = display_units(pd.DataFrame([{"base_unit": "人", "value_base": 97.0}, {"base_unit": "人", "value_base": 120_000.0}]))
    assert mixed["display_unit"].tolist() == ["人", "人"]  # one unit for a chart's rows, never 人 beside 万人


def test_money_units_in_english_come_from_the_currency_table():
    from lib.dashboard.i18n import unit_name

    assert [unit_name(u, "en") for u in ("亿元", "万亿元", "元", "亿美元", "亿韩元")] == [
        "100 million yuan", "trillion yuan", "yuan", "100 million US dollars", "100 million won",
    ]  # fmt: skip
    assert unit_name("亿元", "zh") == "亿元"


def test_charts_sign_falls_keep_per_person_money_in_yuan_and_ratio_parts_in_percent():
    rows = pd.DataFrame([
        {"base_unit": "%", "value_base": 19.0, "kind": "change_pct", "direction": "down", "indicator_name": "进出口总额", "indicator": "进出口总额"},
        {"base_unit": "元", "value_base": 53581.0, "kind": "level", "direction": "", "indicator_name": "居民人均可支配收入", "indicator": "人均可支配收入"},
        {"base_unit": "元", "value_base": 1.802432e12, "kind": "level", "direction": "", "indicator_name": "地区生产总值", "indicator": "地区生产总值"},
        {"base_unit": "", "value_base": 1.6, "kind": "share_pct", "direction": "", "indicator_name": "第一产业增加值", "indicator": "第一产业比重"},
    ])  # fmt: skip
    shown = display_units(rows)
    assert list(zip(shown["display_value"], shown["display_unit"], strict=True)) == [
        (-19.0, "%"), (53581.0, "元"), (18024.32, "亿元"), (1.6, "%"),
    ]  # fmt: skip
