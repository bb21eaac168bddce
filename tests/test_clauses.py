"""One clause model per sentence (lib.extract.clauses): its units, and 分别 lists."""

from __future__ import annotations

import random
import re

import pytest

from lib import text
from lib.extract import clauses

SENTENCE = "1．前三名：吴忠市计划投资232亿元，完成63.5%；固原市（含原州区）计划投资59亿元、增长8%。"


def _scan_start(s: str, pos: int, chars: str) -> int:
    """The old way: the end of the last match of a character class before pos."""
    return max((m.end() for m in re.finditer(f"[{re.escape(chars)}]", s[:pos])), default=0)


def _scan_end(s: str, pos: int, chars: str) -> int:
    m = re.compile(f"[{re.escape(chars)}]").search(s, pos)
    return m.start() if m else len(s)


@pytest.mark.parametrize(
    "breaks,chars",
    [
        (clauses.CLAUSE_BREAKS, "，,；;：:。！？!?\n"),
        (clauses.PART_BREAKS, "；;：:。！？!?\n"),
        (clauses.ITEM_BREAKS, "，,；;、：:（(。！？!?\n"),
        (clauses.ASIDE_BREAKS, "，,；;：:。！？!?\n（）()"),
    ],
)
def test_units_answer_like_a_scan_of_their_marks(breaks, chars):
    rng = random.Random(9)
    alphabet = "天津市增长5%，,；;：:、（）()。！？\n"
    for _ in range(200):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        st = clauses.of(s)
        for pos in range(len(s) + 1):
            assert st.start(pos, breaks) == _scan_start(s, pos, chars)
            assert st.end(pos, breaks) == _scan_end(s, pos, chars)


def test_a_clause_ends_at_comma_semicolon_and_colon():
    st = clauses.of(SENTENCE)
    at = SENTENCE.index("232")
    assert SENTENCE[slice(*st.clause_at(at))] == "吴忠市计划投资232亿元"
    # The colon opens the list: the clause starts after it.
    assert SENTENCE[st.start(at) - 1] == "："
    # A part of a list of clauses runs from the colon to the ；.
    assert SENTENCE[st.start(SENTENCE.index("63.5"), clauses.PART_BREAKS) :].startswith("吴忠市")


def test_list_items_and_asides():
    st = clauses.of(SENTENCE)
    at = SENTENCE.index("8%")
    assert SENTENCE[st.start(at, clauses.ITEM_BREAKS) : at] == "增长"
    a = SENTENCE.index("计划投资59")
    assert SENTENCE[st.start(a, clauses.ASIDE_BREAKS) : a] == ""  # just after ）
    items = st.list_items(0, len(SENTENCE))
    assert [SENTENCE[x:y] for x, y in items][-1] == "增长8%。"


def test_full_width_and_ascii_marks_have_one_role():
    s = "投资增长5%，消费增长3%；出口：增长1%！"
    assert clauses.of(s).marks == clauses.of(text.fold_width(s)).marks


def test_the_structure_is_made_once_per_sentence():
    assert clauses.of(SENTENCE) is clauses.of(SENTENCE)


@pytest.mark.parametrize(
    "sentence,figure,expected",
    [
        ("福州、龙岩、三明投资增速分别为12.4%、12.0%、11.3%。", "12.0%", "龙岩"),
        ("汽车、电气、电子业增加值分别增长76.3%、71.9%和40.2%。", "40.2%", "电子业增加值"),
        # A last item 'B和C' is split when more figures than items follow.
        ("出口、进口和转口分别增长5%、6%、7%。", "7%", "转口"),
        # The second list of figures pairs with the earlier list of items.
        ("福州、龙岩分别增长8%、9%，两年平均增速分别为5%、6%。", "6%", "龙岩"),
    ],
)
def test_respectively_pairs_the_ith_figure_with_the_ith_item(sentence, figure, expected):
    pos = sentence.index(figure)
    listing = clauses.respectively(sentence, pos)
    assert listing is not None
    a, b = listing.items[listing.index]
    assert sentence[a:b] == expected


def test_respectively_stops_at_a_semicolon_and_needs_two_items():
    s = "福州、龙岩分别增长8%、9%；三明增长7%。"
    assert clauses.respectively(s, s.index("7%")) is None
    s = "福州分别增长8%。"
    assert clauses.respectively(s, s.index("8%")) is None
