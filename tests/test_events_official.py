"""Events of official texts (issue 9): the dated events of the official tuning texts, all labelled by reading
(gold/events_read.csv; the one event is in gold/reports/tuning/events_tuning.csv), one test per text generated from
the gold; a text with known extra events runs as a strict xfail with its reason. The rules they motivated are
tested on their real lines."""

from __future__ import annotations

import pytest

from lib import evaluate
from lib.extract import events

READ = evaluate.load_gold_table(evaluate.EVENTS_READ)
GOLD = evaluate.load_gold_table(evaluate.REPORTS_EVENTS[0])


def _cases():
    for r in READ:
        marks = [pytest.mark.xfail(reason=r["known_extra"], strict=True)] if r["known_extra"] else []
        yield pytest.param(r, marks=marks, id=r["doc"])


@pytest.mark.parametrize("read", list(_cases()))
def test_official_text_events_are_the_gold_ones(read):
    [got] = evaluate.rows_by_doc([read], events.extract).values()
    gold = [g for g in GOLD if g["doc"] == read["doc"]]
    assert len(gold) == int(read["events"])
    found = {g["quote"]: [r["date"] for r in got if g["quote"] in r["sentence"]] for g in gold}
    assert all(g["date"] in found[g["quote"]] for g in gold), found
    assert [r["sentence"] for r in got if not any(g["quote"] in r["sentence"] for g in gold)] == []


@pytest.mark.parametrize(
    "line",
    [
        "上饶市统计局 国家统计局上饶调查队 2024年4月18日",  # a communiqué's signature under its title
        "天津市统计局 国家统计局天津调查总队 2025年3月21日",
        "2022年01月27日",  # a page's 发布日期 on a line of its own
    ],
)
def test_a_line_closed_by_its_date_is_no_event(line):
    assert events.find_dates(line) == []


def test_a_dated_adoption_line_stays_an_event():
    [d] = events.find_dates("（2025年1月9日本溪市第十七届人民代表大会第四次会议第三次全体会议通过）")
    assert (d.year, d.month, d.day) == ("2025", 1, 9)


def test_same_day_word_opening_a_quoted_name_is_no_date():
    line = "开发“当日往返游”“周末串门游”和“长假深度游”等精品旅游线路"
    assert events.find_dates(line) == []
    assert [d.relative for d in events.find_dates("当天，上饶经开区的科技合作产业园迎来了客人。")] == ["当天"]
