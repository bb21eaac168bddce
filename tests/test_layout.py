"""Newspaper page -> articles: the seed page, the dev articles and synthetic pages."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lib import paths
from lib.ingest import layout
from lib.ingest.reader import read_document
from lib.pipeline import articles_from_document, place_counter

SEED = next(paths.RAW_DIR.glob("000_*.txt"))


@pytest.fixture(scope="module")
def seed_articles():
    return articles_from_document(read_document(SEED))


def _by_region(articles, region):
    [a] = [a for a in articles if a.region == region]
    return a


def test_seed_page_has_four_articles_in_page_order(seed_articles):
    assert [a.region for a in seed_articles] == ["天津", "郑州", "上饶", "黑龙江"]


@pytest.mark.parametrize(
    "region,title,kicker,byline",
    [
        ("天津", "天津：融合三地“六链” 深化协同创新", "充分利用京津冀科技资源", "本报记者 陈曦"),
        ("郑州", "河南郑州国家中心城市建设跑出“加速度”", "以新提质 以质催新", "本报记者 张毅力"),
        # The Shangrao headline is printed after the Heilongjiang brief, at the end of the page.
        (
            "上饶",
            "江西上饶·推进『双向飞地』实现『双向成就』",
            "加快融入长三角一体化发展",
            "本报记者 魏依晨 通讯员 郑欢",
        ),
        # The brief's byline sits in its dateline: 科技日报讯(记者李丽云 朱虹).
        ("黑龙江", "黑龙江：100P人工智能算力中心正式交付", "", "记者 李丽云 朱虹"),
    ],
)
def test_seed_titles_and_bylines(seed_articles, region, title, kicker, byline):
    a = _by_region(seed_articles, region)
    assert (a.title, a.kicker, a.byline) == (title, kicker, byline)


@pytest.mark.parametrize(
    "region,joined",
    [
        ("天津", "目前已经在园区内注册成立天津央宗明医堂互联网医院有限公司"),  # across a column + caption
        ("天津", "创新基础扎实、实力雄厚。从2014年起"),  # across a paragraph break
        ("天津", "首届超算互联网峰会暨国家超算互联网平台上线仪式在天津举办"),  # across a caption
        ("郑州", "实现一流成果的落地转化。”张占仓说。"),  # a quote's tail printed inside another article
    ],
)
def test_seed_broken_sentences_rejoined_in_the_right_article(seed_articles, region, joined):
    assert joined in _by_region(seed_articles, region).text


@pytest.mark.parametrize(
    "region,foreign_words",
    [
        ("天津", ["中欧班列", "张占仓", "卢森堡", "供图", "智能化工厂一角", "新华社记者"]),
        ("郑州", ["滨海—中关村科技园", "朱玉兵", "央宗明医堂", "供图", "摄"]),
        ("上饶", ["郑州", "黑龙江移动", "加快融入长三角一体化发展"]),
        ("黑龙江", ["上饶", "双向飞地", "地方动态", "科技日报讯"]),
    ],
)
def test_seed_articles_hold_no_text_of_other_articles_nor_captions(seed_articles, region, foreign_words):
    text = _by_region(seed_articles, region).text
    assert [w for w in foreign_words if w in text] == []


def test_seed_captions_go_with_their_articles(seed_articles):
    tianjin, zhengzhou = _by_region(seed_articles, "天津"), _by_region(seed_articles, "郑州")
    assert [c[:2] for c in tianjin.captions] == ["图为"] and tianjin.captions[0].endswith("单宇琦摄")
    assert zhengzhou.captions == ["郑州市经济技术开发区智能化工厂一角。 郑州市经开区供图"]


def test_seed_subheads_and_column(seed_articles):
    assert _by_region(seed_articles, "天津").subheads == ["推动区域内科技成果转化", "集聚三地力量联合攻关"]
    assert "拓展对外贸易 培育内陆开放市场" in _by_region(seed_articles, "郑州").subheads
    assert _by_region(seed_articles, "黑龙江").column == "地方动态"
    assert _by_region(seed_articles, "黑龙江").text.startswith("5月17日，由黑龙江移动建设")


def test_seed_every_body_sentence_is_kept_once(seed_articles):
    """Nothing of the page is lost or duplicated: every body line of the page is in exactly one article."""
    page = SEED.read_text(encoding="utf-8")
    bodies = "".join(a.text.replace("\n", "") for a in seed_articles)
    for line in page.split("\n"):
        line = re.sub(r"^\S{2,8}讯\(记者[^)]*\)", "", line.strip())  # the dateline becomes the byline
        if len(line) > 30 and not line.endswith(("摄", "供图")):
            assert bodies.count(line) == 1, line


# --- dev articles (real, one article a file) ---------------------------------------------------

DEV = sorted(paths.DEV_CORPUS_DIR.glob("*.txt")) if paths.DEV_CORPUS_DIR.exists() else []


@pytest.mark.parametrize("path", DEV, ids=[p.stem for p in DEV])
def test_dev_file_is_one_article_titled_by_its_first_line(path):
    if not DEV:
        pytest.skip("no dev corpus")
    doc = read_document(path)
    [article] = articles_from_document(doc)
    first_line = path.read_text(encoding="utf-8").split("\n")[0].strip()
    assert article.title == first_line
    assert not article.text.startswith(("原标题", "来源"))
    assert len(article.text) > 0.8 * (len(doc.text) - len(first_line)) - 300


def test_dev_corpus_present_or_skipped():
    if not paths.DEV_CORPUS_DIR.exists():
        pytest.skip("../shared/corpus/dev is absent")
    assert DEV


@pytest.mark.parametrize(
    "stem,byline",
    [
        ("01_sichuan_fdi_2022h1", "红星新闻记者 叶燕 宋嘉问"),
        ("07_provinces_gdp_2021q1-q3_compilation", "作者 陈婧"),
    ],
)
def test_dev_trailing_and_leading_bylines(stem, byline):
    path = paths.DEV_CORPUS_DIR / f"{stem}.txt"
    if not path.exists():
        pytest.skip("dev corpus absent")
    [article] = articles_from_document(read_document(path))
    assert article.byline == byline
    assert byline not in article.text


# --- synthetic pages: the rules are general, not the seed's -------------------------------------

SYNTHETIC_PAGE = """成渝地区双城经济圈建设提速

成都：打造西部科创高地

◎本报记者 王一

成都高新区今年新增科技型企业2000家。成都市科技局负责人说，这些企业将

武汉光谷再添新动能

◎本报记者 李二

武汉东湖高新区发布新政策，支持光电子信息产业发展。武汉市相关负责人表示，光谷将继续扩大开放。



成都高新区的实验室。

王一摄

在成都布局研发中心和中试基地。成都高新区还将建设一批概念验证中心。
"""


def test_synthetic_interleaved_page_is_split_and_rejoined():
    pieces = layout.layout(SYNTHETIC_PAGE, place_counter)
    assert [p.title for p in pieces] == ["成都：打造西部科创高地", "武汉光谷再添新动能"]
    chengdu, wuhan = pieces
    assert "这些企业将在成都布局研发中心和中试基地。" in chengdu.text
    assert "概念验证中心" in chengdu.text and "概念验证" not in wuhan.text
    assert chengdu.captions == ["成都高新区的实验室。 王一摄"]
    assert chengdu.kicker == "成渝地区双城经济圈建设提速"


@pytest.mark.parametrize(
    "text",
    [
        "某市经济平稳增长\n一季度，某市地区生产总值增长5%。\n工业增加值增长6%。\n",
        "一季度，某市地区生产总值增长5%。\n\n工业增加值增长6%。\n",  # no headline at all
        "某市经济平稳增长\n\n一季度，某市地区生产总值增长5%。\n\n新动能\n\n工业增加值增长6%。\n",
    ],
)
def test_one_article_file_is_one_article(text):
    pieces = layout.layout(text)
    assert len(pieces) == 1
    assert "工业增加值增长6%。" in pieces[0].text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("厚。从2014年起，三地先后实施。", True),
        ("练一流课题。”张三说。", True),
        ("，并继续推进。", True),
        ("“我们很高兴。”张三说。", False),
        ("近日，某市召开会议。", False),
    ],
)
def test_starts_mid_sentence(text, expected):
    assert layout.starts_mid_sentence(text) is expected


@pytest.mark.parametrize(
    "byline,names",
    [("本报记者 魏依晨 通讯员 郑欢", ["魏依晨", "郑欢"]), ("记者 李丽云 朱虹", ["李丽云", "朱虹"])],
)
def test_reporters(byline, names):
    assert layout.reporters(byline) == names


def test_an_articles_places_are_the_sum_of_its_lines():
    """Layout counts an article's places line by line (a name never spans a line break or a space),
    so a growing article costs only its new paragraph; the sum must be the count of the whole."""
    files = [*paths.RAW_DIR.rglob("*.txt"), *paths.DEV_CORPUS_DIR.glob("*.txt")]
    for f in files:
        for piece in layout.layout(read_document(f).text, place_counter):
            whole = place_counter(" ".join([piece.title, piece.kicker, piece.text]))
            assert layout._piece_places(piece, place_counter) == whole, f.name


def test_each_distinct_text_is_counted_once_per_page():
    calls: Counter = Counter()

    def counting(text: str) -> Counter:
        calls[text] += 1
        return place_counter(text)

    layout.layout(SYNTHETIC_PAGE, counting)
    assert calls and max(calls.values()) == 1


@pytest.mark.parametrize(
    "first_line",
    [
        "《人民日报》（2025年02月06日第 03 版）",  # an e-paper's edition line
        "2025-02-06 08:30 来源：河南日报",  # a web page's dateline with a time
        "各位代表：",  # a government work report opens with its audience
    ],
)
def test_furniture_and_salutations_are_not_headlines(first_line):
    text = f"{first_line}\n郑州经济稳中向好\n一季度，郑州地区生产总值同比增长6.2%，规模以上工业增加值增长15%。\n"
    [piece] = layout.layout(text)
    assert piece.title != first_line
    if first_line.startswith("各位"):
        assert first_line in piece.text or piece.title == "郑州经济稳中向好"


def _pieces(lines: list[str]):
    return layout.layout("\n".join(lines))


def test_work_report_head_is_title_speaker_date_and_salutation():
    # The opening of a government work report: the speech's subtitle says when and where it was
    # given, the speaker follows, then the audience. None of them is the headline, and the date
    # line stays in the text, so the congress session is an event.
    [piece] = _pieces([
        "2025年郑州市政府工作报告",
        "——2025年1月20日在郑州市第十六届人民代表大会第五次会议上",
        "郑州市市长 何雄",
        "各位代表：",
        "现在，我代表市人民政府向大会报告工作，请予审议。",
    ])
    assert piece.title == "2025年郑州市政府工作报告"
    assert piece.byline == "郑州市市长 何雄"
    assert piece.paragraphs[:2] == ["——2025年1月20日在郑州市第十六届人民代表大会第五次会议上", "各位代表："]


def test_a_subtitle_under_the_headline_is_not_the_headline():
    [piece] = _pieces(["郑州GDP首破1.4万亿元", "——前三季度经济运行综述", "本报记者 张三", "前三季度，郑州市地区生产总值增长5.1%。"])
    assert piece.title == "郑州GDP首破1.4万亿元" and piece.kicker == "——前三季度经济运行综述"


def test_web_page_furniture_is_kept_out_and_never_fails_the_page():
    # A government page as text: breadcrumb, font switch, body, then share/print links and the footer.
    # A furniture line without a field (打印本页) used to fail the whole page's layout.
    [piece] = _pieces([
        "首页 > 数据发布 > 统计分析",
        "2024年某市经济运行情况",
        "字体：大 中 小",
        "全年全市地区生产总值1235.32亿元，增长5.4%。",
        "规模以上工业增加值增长6.1%",  # a last paragraph without end punctuation is kept
        "分享到",
        "打印本页 关闭窗口",
        "版权所有：某市人民政府 主办单位：某市统计局",
        "京ICP备05070602号 京公网安备11010502035427号",
    ])  # fmt: skip
    assert piece.title == "2024年某市经济运行情况"
    assert piece.paragraphs == ["全年全市地区生产总值1235.32亿元，增长5.4%。", "规模以上工业增加值增长6.1%"]
