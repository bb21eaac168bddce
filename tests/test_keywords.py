"""Keywords: stopwords, numbers and dates never appear, domain terms stay whole, seed terms, determinism."""

from __future__ import annotations

import pytest

from lib import paths, text
from lib.extract import keywords
from lib.ingest.reader import read_document
from lib.model import Article
from lib.pipeline import articles_from_document
from lib.store.schema import COLUMNS


def _article(body: str, region: str = "南宁", article_id: str = "a1", byline: str = "") -> Article:
    return Article(article_id, "t.txt", "h", "", "2024-05", "", byline=byline, text=body, region=region)


SYNTHETIC = (
    "近日，记者从南宁市获悉，2024年5月20日，当地加快培育新质生产力，推动跨境电商与双向飞地建设。"
    "目前，跨境电商综合服务平台已上线，新质生产力成为热词，双向飞地吸引企业入驻。"
    "据介绍，该市今年前4个月跨境电商交易额达120亿元，同比增长15.3%，东盟方向的海外仓增至36个。"
)


@pytest.fixture(scope="module")
def synthetic_terms() -> list[str]:
    rows = keywords.extract_corpus([_article(SYNTHETIC, byline="本报记者 韦海涛")])
    return [r["term"] for r in rows if r["scope"] == "article"]


def test_stopwords_never_appear(synthetic_terms):
    assert not set(synthetic_terms) & text.stopwords()
    assert not {"记者", "近日", "目前", "推动", "加快", "表示", "介绍"} & set(synthetic_terms)


@pytest.mark.parametrize(
    "word,ok",
    [
        ("2024", False),
        ("5月", False),
        ("20日", False),
        ("2024年", False),
        ("15.3%", False),
        ("120亿元", False),
        ("三地", False),
        ("x86", False),
        ("P", False),
        ("的", False),
        ("GDP", True),
        ("G60", True),
        ("新质生产力", True),
        ("华商报", False),  # an outlet
        ("表示", False),
    ],
)
def test_is_term(word, ok):
    assert keywords.is_term(word) is ok


def test_numbers_dates_and_byline_never_appear(synthetic_terms):
    assert not [t for t in synthetic_terms if any(c.isdigit() for c in t)]
    assert "韦海涛" not in synthetic_terms and "南宁" not in synthetic_terms  # byline; the scope itself


@pytest.mark.parametrize("term", ["新质生产力", "双向飞地", "跨境电商"])
def test_domain_terms_stay_whole(synthetic_terms, term):
    assert term in synthetic_terms
    halves = {"新质", "生产力", "双向", "飞地", "跨境", "电商"}
    assert not halves & set(synthetic_terms)


def test_rows_ranked_and_weighted(synthetic_terms):
    rows = [r for r in keywords.extract_corpus([_article(SYNTHETIC)]) if r["scope"] == "article"]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) <= keywords.TOP_N
    assert rows[0]["weight"] == 1.0 and all(0 < r["weight"] <= 1 for r in rows)
    assert all(a["weight"] >= b["weight"] for a, b in zip(rows, rows[1:], strict=False))
    assert set(rows[0]) == {name for name, _, _ in COLUMNS["keywords"]}


def test_region_scope_joins_the_regions_articles():
    arts = [
        _article("南宁发展跨境电商，建设海外仓。", "南宁", "a1"),
        _article("南宁推进中欧班列与跨境电商融合。", "南宁", "a2"),
        _article("柳州建设新能源汽车产业集群。", "柳州", "a3"),
    ]
    rows = keywords.extract_corpus(arts)
    regions = {r["scope_id"] for r in rows if r["scope"] == "region"}
    assert regions == {"南宁", "柳州"}
    nanning = {r["term"] for r in rows if r["scope"] == ("region") and r["scope_id"] == "南宁"}
    assert {"跨境电商", "海外仓", "中欧班列"} <= nanning


# --- seed page -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    docs = sorted(paths.RAW_DIR.glob("*.txt"))
    if not docs:
        pytest.skip(f"no seed page in {paths.RAW_DIR}")
    return [a for p in docs for a in articles_from_document(read_document(p))]


@pytest.fixture(scope="module")
def seed_rows(seed_articles) -> list[dict]:
    return keywords.extract_corpus(seed_articles)


def _top(rows: list[dict], articles: list[Article], region: str) -> list[str]:
    ids = {a.article_id for a in articles if a.region == region}
    return [r["term"] for r in rows if r["scope"] == "article" and r["scope_id"] in ids]


def test_seed_shangrao_has_double_enclave(seed_rows, seed_articles):
    assert "双向飞地" in _top(seed_rows, seed_articles, "上饶")


def test_seed_heilongjiang_has_compute(seed_rows, seed_articles):
    assert {"算力", "智算中心"} & set(_top(seed_rows, seed_articles, "黑龙江"))


def test_seed_region_rows_for_each_region(seed_rows, seed_articles):
    regions = {a.region for a in seed_articles if a.region}
    assert {r["scope_id"] for r in seed_rows if r["scope"] == "region"} == regions
    for region in regions:
        n = sum(1 for r in seed_rows if r["scope"] == "region" and r["scope_id"] == region)
        assert n == keywords.TOP_N


def test_seed_no_noise(seed_rows):
    stop = text.stopwords()
    for r in seed_rows:
        assert len(r["term"]) >= 2 and r["term"] not in stop and not any(c.isdigit() for c in r["term"][:1])


def test_deterministic(seed_rows, seed_articles):
    assert keywords.extract_corpus(seed_articles) == seed_rows
    assert keywords.extract_corpus(list(reversed(seed_articles)))[-4 * keywords.TOP_N :] == [
        r for r in seed_rows if r["scope"] == "region"
    ]


def test_dev_corpus_keywords():
    if not paths.DEV_CORPUS_DIR.is_dir():
        pytest.skip(f"dev corpus absent: {paths.DEV_CORPUS_DIR}")
    arts = [
        a
        for p in sorted(paths.DEV_CORPUS_DIR.glob("*.txt"))
        for a in articles_from_document(read_document(p))
    ]
    rows = keywords.extract_corpus(arts)
    for a in arts:
        terms = [r["term"] for r in rows if r["scope"] == "article" and r["scope_id"] == a.article_id]
        assert terms, a.input_file
        assert not [t for t in terms if any(c.isdigit() for c in t) or t in text.stopwords()]


def test_region_keywords_prefer_terms_other_regions_do_not_use():
    # Every region's texts say 服务业; what sets 天津 apart is 京津冀.
    def inp(region, counts):
        return {"region": region, "bylines": [], "counts": counts}

    rows = keywords.extract_regions([
        inp("天津", {"服务业": 20, "京津冀": 10}),  # more often, and so first by TF-IDF alone
        inp("郑州", {"服务业": 10, "国家中心城市": 10}),
        inp("上饶", {"服务业": 10, "双向飞地": 10}),
    ])  # fmt: skip
    tianjin = [r["term"] for r in rows if r["scope_id"] == "天津"]
    assert tianjin.index("京津冀") < tianjin.index("服务业")
    # one region alone: plain TF-IDF, nothing to set it apart from
    alone = keywords.extract_regions([inp("天津", {"服务业": 10, "京津冀": 1})])
    assert [r["term"] for r in alone][0] == "服务业"



def test_the_generic_measure_words_of_communiques_are_no_keywords():
    # 郑州's distinctive terms were 增加值, 零售额, 用电量 (browser review, 2026-12-03): every communiqué has them
    official = paths.RAW_DIR / "official"
    articles = [a for f in sorted(official.glob("*.txt")) for a in articles_from_document(read_document(f))]
    rows = keywords.extract_corpus(articles)
    zhengzhou = [r["term"] for r in rows if r["scope"] == "region" and r["scope_id"] == "郑州"][:15]
    assert zhengzhou and not {"增加值", "零售额", "用电量", "人次", "占比", "面积", "人口"} & set(zhengzhou)
