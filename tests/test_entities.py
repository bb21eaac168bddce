"""Entities: organisation suffix rules, name normalisation, people with roles, seed and dev articles."""

from __future__ import annotations

import pytest

from lib import paths
from lib.extract import entities
from lib.ingest.reader import read_document
from lib.model import Article
from lib.pipeline import articles_from_document
from lib.store.schema import COLUMNS


def _article(body: str, region: str = "天津", article_id: str = "t") -> Article:
    return Article(article_id, "t.txt", "h", "", "2024-05", "", text=body, region=region)


def _found(body: str) -> dict[str, dict]:
    return {r["name"]: r for r in entities.extract(_article(body))}


# --- suffix rules, on synthetic sentences with names that are not in the seed page -----------


@pytest.mark.parametrize(
    "sentence,name,kind",
    [
        ("近日，苏州启明星光电股份有限公司在园区举行投产仪式。", "苏州启明星光电股份有限公司", "company"),
        ("该项目由广西桂冠新材料有限公司承建。", "广西桂冠新材料有限公司", "company"),
        ("会议在南宁五象新区科技园举行。", "南宁五象新区科技园", "park"),
        ("合肥高新区企业数量持续增长。", "合肥高新区", "park"),
        ("浙江大学与企业共建联合实验室。", "浙江大学", "university"),
        ("四川省农业科学院发布了新品种。", "四川省农业科学院", "institute"),
        ("湖南省发改委印发了实施方案。", "湖南省发改委", "government"),
        ("成都市统计局发布数据显示，工业增长较快。", "成都市统计局", "government"),
        ("“长江智能装备创新联合体”正式成立。", "长江智能装备创新联合体", "consortium"),
        ("深圳证券交易所发布公告。", "深圳证券交易所", "other_org"),
        ("重庆微纳传感(两江)科技有限公司落户于此。", "重庆微纳传感(两江)科技有限公司", "company"),
        ("已有杭州云帆智造、宁波海曙精工等5家企业入驻。", "杭州云帆智造", "company"),
        ("已有杭州云帆智造、宁波海曙精工等5家企业入驻。", "宁波海曙精工", "company"),
        ("由湖北电信建设的数据中心投用。", "湖北电信", "company"),
    ],
)
def test_suffix_rules(sentence, name, kind):
    found = _found(sentence)
    assert name in found, sorted(found)
    assert found[name]["type"] == kind


@pytest.mark.parametrize(
    "sentence,not_names",
    [
        ("科技园的企业总数已超5000家。", {"科技园"}),  # a bare suffix is no entity
        ("打造区域科技成果转化中心。", {"区域科技成果转化中心", "科技成果转化中心"}),  # generic phrase
        ("推动国家中心城市建设，优化产业布局。", {"国家中心", "产业布局"}),  # suffix inside a word
        ("公司总部在北京，公司将深耕数字医疗。", {"公司总部", "公司"}),
        ("在绍兴举办了一场活动。", {"绍兴举办"}),
    ],
)
def test_generic_phrases_are_not_entities(sentence, not_names):
    assert not (set(_found(sentence)) & not_names)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("滨江—未来科技园", "滨江-未来科技园"),
        ("滨江－未来科技园", "滨江-未来科技园"),
        ("滨江-未来科技园", "滨江-未来科技园"),
        ("滨江——未来科技园", "滨江-未来科技园"),
        ("星河（苏州）科技有限公司", "星河(苏州)科技有限公司"),
        (" 星河 科技 有限公司", "星河科技有限公司"),
        ("“星河联盟”", "星河联盟"),
    ],
)
def test_normalise_name(raw, expected):
    assert entities.normalise_name(raw) == expected


def test_dash_variants_are_one_entity():
    body = "临港—漕河泾科技园引进企业。临港-漕河泾科技园扩建。临港－漕河泾科技园再获批。"
    rows = [r for r in entities.extract(_article(body)) if r["type"] == "park"]
    assert [(r["name"], r["mentions"]) for r in rows] == [("临港-漕河泾科技园", 3)]


@pytest.mark.parametrize(
    "names,expected",
    [
        (
            {"甘肃陇源药业": "company", "甘肃陇源药业有限公司": "company"},
            {"甘肃陇源药业": "甘肃陇源药业有限公司"},
        ),
        (
            {"兰州数据中心": "other_org", "中国联通兰州数据中心": "other_org", "中国联通": "company"},
            {"兰州数据中心": "中国联通兰州数据中心"},
        ),
        # Two longer names extend it: ambiguous, left alone.
        (
            {"星河科技": "company", "星河科技有限公司": "company", "星河科技集团": "company"},
            {"星河科技": "星河科技"},
        ),
        ({"滨江科技园": "park", "滨江科技园办公室": "government"}, {"滨江科技园": "滨江科技园"}),
    ],
)
def test_merge_aliases(names, expected):
    merged = entities.merge_aliases(names)
    assert {k: merged[k] for k in expected} == expected


def test_short_reference_merges_into_the_full_name():
    body = "甘肃陇源药业有限公司董事长王立新介绍了情况。甘肃陇源药业是一家高新技术企业。"
    rows = {r["name"]: r for r in entities.extract(_article(body))}
    assert "甘肃陇源药业" not in rows
    assert rows["甘肃陇源药业有限公司"]["mentions"] == 2


@pytest.mark.parametrize(
    "sentence,name,role",
    [
        ("长沙市商务局局长刘建华表示，外贸回稳。", "刘建华", "长沙市商务局局长"),
        ("武汉光谷云智科技有限公司副总经理周明说，订单增加。", "周明", "武汉光谷云智科技有限公司副总经理"),
        ("南昌市副市长黄建军在会上介绍情况。", "黄建军", "南昌市副市长"),
        ("王海燕介绍，项目进展顺利。", "王海燕", ""),
    ],
)
def test_people_with_roles(sentence, name, role):
    found = _found(sentence)
    assert name in found, sorted(found)
    assert (found[name]["type"], found[name]["role"]) == ("person", role)


def test_row_fields_point_at_the_first_mention():
    body = "据悉，杭州云帆智造有限公司今年扩产。杭州云帆智造有限公司计划上市。"
    row = _found(body)["杭州云帆智造有限公司"]
    assert body[row["char_start"] : row["char_end"]] == "杭州云帆智造有限公司"
    assert row["sentence"] == "据悉，杭州云帆智造有限公司今年扩产。"
    assert row["mentions"] == 2
    assert row["entity_id"] == entities._entity_id("t", "company", "杭州云帆智造有限公司")
    assert set(row) == {name for name, _, _ in COLUMNS["entities"]}


def test_places_outside_names_by_region_short_name():
    body = "成都市与重庆联合招商，成都高新区企业增多。"
    places = {r["name"]: r["mentions"] for r in entities.extract(_article(body)) if r["type"] == "place"}
    assert places == {"成都": 1, "重庆": 1}  # 成都 inside 成都高新区 is part of the park's name


# --- seed and dev articles --------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_entities() -> dict[str, list[dict]]:
    docs = sorted(paths.RAW_DIR.glob("*.txt"))
    if not docs:
        pytest.skip(f"no seed page in {paths.RAW_DIR}")
    arts = [a for p in docs for a in articles_from_document(read_document(p))]
    return {a.region: entities.extract(a) for a in arts}


def _has(rows: list[dict], name: str, kind: str, role: str | None = None) -> bool:
    return any(r["name"] == name and r["type"] == kind and role in (None, r["role"]) for r in rows)


@pytest.mark.parametrize(
    "region,name,kind,role",
    [
        ("天津", "滨海-中关村科技园", "park", None),
        ("天津", "致道创新(天津)科技有限公司", "company", None),
        ("天津", "青海央宗药业有限公司", "company", None),
        ("天津", "朱玉兵", "person", "天津市科技局局长"),
        ("天津", "天津市科技局", "government", None),
        ("天津", "天津", "place", None),
        ("上饶", "长三角G60科创走廊(上饶)科技合作产业园", "park", None),
        ("上饶", "上海技术交易所", "other_org", None),
        ("郑州", "胡军", "person", "郑州市副市长"),
        ("黑龙江", "黑龙江移动", "company", None),
        ("黑龙江", "中国移动哈尔滨数据中心", "other_org", None),
    ],
)
def test_seed_entities(seed_entities, region, name, kind, role):
    rows = seed_entities[region]
    assert _has(rows, name, kind, role), sorted((r["name"], r["type"], r["role"]) for r in rows)


GENERIC = {"公司", "中心", "科技园", "园区", "有限公司", "集团", "研究院", "大学", "联合体", "实验室", "局"}
VERBS_IN_NAMES = ("推动", "加快", "打造", "依托", "签约", "落户", "举办", "表示", "介绍", "建设的")


def _precision_problems(rows: list[dict]) -> list[str]:
    names = [r["name"] for r in rows if r["type"] != "place"]
    return [n for n in names if n in GENERIC or any(v in n for v in VERBS_IN_NAMES) or len(n) < 2]


def test_seed_precision(seed_entities):
    for rows in seed_entities.values():
        assert _precision_problems(rows) == []
    tianjin = {r["name"] for r in seed_entities["天津"]}
    assert "青海央宗药业" not in tianjin  # merged into the full company name
    assert not any(r["type"] == "person" and r["name"] == "李治" for r in seed_entities["天津"])


@pytest.fixture(scope="module")
def dev_articles() -> list[Article]:
    if not paths.DEV_CORPUS_DIR.is_dir():
        pytest.skip(f"dev corpus absent: {paths.DEV_CORPUS_DIR}")
    return [
        a
        for p in sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
        for a in articles_from_document(read_document(p))
    ]


@pytest.mark.parametrize(
    "file_prefix,name,kind,role",
    [
        ("02_", "广东省统计局", "government", None),
        ("03_", "南京海关", "government", None),
        ("06_", "宁夏百川科技有限公司", "company", None),
        ("07_", "叶福生", "person", "湖北省统计局总统计师"),
        ("08_", "陈吉宁", "person", "北京市市长"),
    ],
)
def test_dev_entities(dev_articles, file_prefix, name, kind, role):
    arts = [a for a in dev_articles if a.input_file.rsplit("/", 1)[-1].startswith(file_prefix)]
    assert arts, file_prefix
    rows = [r for a in arts for r in entities.extract(a)]
    assert _has(rows, name, kind, role), sorted((r["name"], r["type"], r["role"]) for r in rows)
    assert _precision_problems(rows) == []


def test_deterministic(seed_entities):
    docs = sorted(paths.RAW_DIR.glob("*.txt"))
    arts = [a for p in docs for a in articles_from_document(read_document(p))]
    assert {a.region: entities.extract(a) for a in arts} == seed_entities


def _spans_unskipped(sentence: str) -> list:
    toks = entities._recut(entities._tokens(sentence), sentence)
    orgs = entities._maximal(entities._org_spans(toks, sentence))
    return orgs + entities._people(toks, orgs, sentence)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("全市规模以上工业增加值同比增长5.6%。", False),
        ("天津市科技局局长朱玉兵介绍，", True),  # a suffix, a title and a speech verb
        ("黑龙江移动建成数据中心", True),
        ("周明说，", True),  # a speech verb glued to a name
    ],
)
def test_may_name_cues(sentence, expected):
    assert entities.may_name(sentence) is expected


def test_sentences_without_a_cue_hold_no_span(seed_entities, dev_articles):
    """The skip is safe: scanned in full, no sentence ``may_name`` rules out gives an organisation or a person."""
    from lib import text

    seed = [a for p in sorted(paths.RAW_DIR.glob("*.txt")) for a in articles_from_document(read_document(p))]
    skipped = [s.text for a in seed + dev_articles for s in text.split_sentences(a.text) if not entities.may_name(s.text)]
    assert len(skipped) > 100
    assert [s for s in skipped if _spans_unskipped(s)] == []
