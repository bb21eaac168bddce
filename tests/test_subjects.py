"""Which place a statement is about."""

from __future__ import annotations

import pytest

from lib.extract import clauses, regions


@pytest.mark.parametrize(
    "sentence,figure,default,expected",
    [
        ("GDP增速超过10%的省份有：北京10.7%、浙江10.6%。", "10.6%", "天津", "浙江"),
        ("1．前三名：吴忠市计划投资232亿元，完成63.5%；固原市计划投资59亿元。", "63.5%", "宁夏", "吴忠"),
        ("中宁县增长58.3%。", "58.3%", "宁夏", "中宁"),
        ("2023年天津市吸纳来自北京的技术合同额152亿元。", "152", "天津", "天津"),
        ("青海央宗药业是落户滨海—中关村科技园的16家企业之一。", "16家", "天津", "天津"),
        ("已有上海凌鹊卫星、卫建逸天等8家企业确定入驻。", "8家", "上饶", "上饶"),
        ("从2014年起，京津冀三地累计实施合作专项177项。", "177项", "天津", "京津冀"),
        ("固定资产投资两年平均增长7.5%，高于全国同期1.7%。", "1.7%", "广东", "全国"),
        ("建设全国最大的万卡集群。", "万卡", "黑龙江", "黑龙江"),
        # A zone directly under its province (宁东能源化工基地) is its own region, as a county is; a place that
        # brackets include or leave out (不含宁东) is not what the figure after them is about.
        ("1．地级市及宁东1—7月投资增速后三名：银川市（不含宁东）下降0.5%，石嘴山市下降1.3%，宁东下降25.3%。", "25.3%", "宁夏", "宁东"),
        ("1．地级市及宁东1—7月投资增速后三名：银川市（不含宁东）下降0.5%，石嘴山市下降1.3%，宁东下降25.3%。", "0.5%", "宁夏", "银川"),
        ("2．地级市及宁东重大项目投资完成率后二名：银川市（不含宁东）计划投资258亿元，完成52%；宁东计划投资201亿元，完成38.9%。", "258亿元", "宁夏", "银川"),
        ("2．地级市及宁东重大项目投资完成率后二名：银川市（不含宁东）计划投资258亿元，完成52%；宁东计划投资201亿元，完成38.9%。", "38.9%", "宁夏", "宁东"),
        ("1．地级市重大项目开工率后二名：银川市开工率98%，宁东开工率95%。", "95%", "宁夏", "宁东"),
        # A bracketed place alone says where the thing before it is: it stays a subject.
        ("长三角G60科创走廊(上饶)协同创新中心已有上海凌鹊卫星、卫建逸天、揽月征途、沃莱尔电子等8家企业确定入驻。", "8家", "上饶", "上饶"),
    ],
)
def test_region_at(sentence, figure, default, expected):
    region = clauses.region_at(sentence, sentence.index(figure), regions.lookup(default))
    assert region.region == expected


def test_a_place_opening_a_sentence_carries_to_the_next():
    default = regions.lookup("广东")
    assert clauses.carried_subject("广州全市固定资产投资增长19.8%。", default).region == "广州"
    assert clauses.carried_subject("全省规模以上工业增加值增长8%。", default) is None


def test_sentence_subject_ignores_places_inside_names():
    default = regions.lookup("天津")
    assert clauses.sentence_subject("青海央宗药业是近期签约落户的企业之一。", default) == default
    assert clauses.sentence_subject("北京市一季度GDP增长5%。", default).region == "北京"


@pytest.mark.parametrize(
    "sentence,figure,difference,expected",
    [
        ("福州、龙岩、三明投资增速分别为12.4%、12.0%、11.3%。", "12.0%", False, "龙岩"),
        ("福州、龙岩、三明投资增速分别为12.4%、12.0%、11.3%。", "11.3%", False, "三明"),
        ("四川FDI到资增长31.84%，高于全国平均水平10.04个百分点。", "10.04", True, "四川"),
        ("投资增长7.5%，高于全国同期1.7%。", "1.7%", False, "全国"),
    ],
)
def test_lists_and_comparisons(sentence, figure, difference, expected):
    region = clauses.region_at(sentence, sentence.index(figure), regions.lookup("福建"), difference=difference)
    assert region.region == expected


def _figure(sentence: str, figure: str) -> tuple[int, int]:
    start = sentence.index(figure)
    return start, start + len(figure)


@pytest.mark.parametrize(
    "sentence,figure,default,expected",
    [
        # A figure between a comparison word and 的全国 is the base: the nation's figure.
        (
            "对比来看，去年前三季度GDP同比增速排名前五位分别是西藏、贵州、甘肃、云南和宁夏，"
            "这五省份今年前三季度GDP增速均低于9.8%的全国增速。",
            "9.8%",
            "全国",
            "全国",
        ),
        ("全市城镇居民人均可支配收入增长5.2%，高于5.0%的全省平均水平。", "5.0%", "郑州", "河南"),
        ("全市城镇居民人均可支配收入增长5.2%，高于5.0%的全省平均水平。", "5.2%", "郑州", "郑州"),
    ],
)
def test_a_figure_that_is_the_base_of_a_comparison(sentence, figure, default, expected):
    start, end = _figure(sentence, figure)
    assert clauses.region_at(sentence, start, regions.lookup(default), end=end).region == expected


LIST_OF_PARTS = (
    "截至7月底未开工项目共5个，按责任单位（主管单位）划分分别是：银川市2个，银川市一体化绿色交通建设项目和"
    "宁夏隆基乐叶科技有限公司年产3GW单晶电池项目；吴忠市1个，吴忠太阳山开发区热电联产项目；自治区卫生健康委1个，"
    "自治区疾病控制中心迁建项目；宁夏广播电视台1个，宁夏广播电视传输发射基地迁建项目。"
)


@pytest.mark.parametrize("figure,expected", [("吴忠市1个", "吴忠"), ("自治区卫生健康委1个", "宁夏"), ("银川市2个", "银川")])
def test_a_part_of_a_list_that_names_no_place_keeps_the_articles_region(figure, expected):
    start = LIST_OF_PARTS.index(figure) + figure.index("个") - 1
    assert clauses.region_at(LIST_OF_PARTS, start, regions.lookup("宁夏")).region == expected


def test_a_part_after_a_semicolon_without_a_list_keeps_the_sentences_subject():
    s = "北京市一季度地区生产总值增长5%；规模以上工业增加值增长6%。"
    assert clauses.region_at(s, s.index("6%"), regions.lookup("天津")).region == "北京"


def test_three_places_named_by_their_count_are_the_group_named_before():
    from lib.extract import facts
    from lib.model import Article

    body = (
        "从2014年起，京津冀三地科技部门先后聚焦多个领域，累计实施合作专项177项。\n"
        "朱玉兵表示，未来，三地将坚持产业应用为导向，开展协同攻关。之前三地支持资金规模是每年1200万元，今年计划增加到3000万元。"
    )
    article = Article(
        article_id="a", input_file="a.txt", content_hash="h", source="", published="2024-05", title="", text=body,
        region="天津", province="天津", level="province",
    )  # fmt: skip
    got = {r["raw"]: (r["region"], r["scope"]) for r in facts.extract(article)}
    assert got["1200万元"] == ("京津冀", "group")
    assert got["3000万元"] == ("京津冀", "group")
    # The count must match the group: two places are not 京津冀.
    group = regions.lookup("京津冀")
    s = "两地支持资金规模是每年1200万元。"
    assert clauses.region_at(s, s.index("1200"), regions.lookup("天津"), group=group).region == "天津"


def _facts(body: str, region: str) -> dict[str, tuple[str, str]]:
    from lib.extract import facts
    from lib.model import Article

    r = regions.lookup(region)
    article = Article(
        article_id="a", input_file="a.txt", content_hash="h", source="", published="2024-05", title="", text=body,
        region=r.region, province=r.province, level=r.level,
    )  # fmt: skip
    return {row["raw"]: (row["region"], row["scope"]) for row in facts.extract(article)}


# Issue 9's class "a figure about a county inside a city article", in sentences written for these tests (the
# tuning gold holds no such figure the extractor got wrong).
@pytest.mark.parametrize(
    "body,region,expected",
    [
        # A county names its own region by the gazetteer's short name: 滨海新区 is 滨海, and is the region itself.
        ("滨海新区地区生产总值增长5%。", "天津", {"5%": ("滨海", "region")}),
        ("其中，巩义市地区生产总值增长6%，新郑增长8%。", "郑州", {"6%": ("巩义", "region"), "8%": ("新郑", "region")}),
        # Short county names of the article's region heading list items.
        ("分县区看，中宁、海原分别增长5.1%、3.2%。", "中卫", {"5.1%": ("中宁", "region"), "3.2%": ("海原", "region")}),
        ("县域经济方面，巩义、新郑、新密分别增长6%、8%、5%。", "郑州", {"6%": ("巩义", "region"), "5%": ("新密", "region")}),
        # A full name shared with other prefectures (朝阳区) is the article's city's own.
        ("海淀区企业营收增长10%，朝阳区增长8%。", "北京", {"10%": ("海淀", "region"), "8%": ("朝阳", "region")}),
        # Not heading an item, a short name is a word of the phrase, not the subject.
        ("推动中宁枸杞产业发展，产值增长5%。", "中卫", {"5%": ("中卫", "region")}),
        # A place starting an airport's name is not the subject (zhengzhou_2023 communiqué, tuning).
        (
            "郑州新郑国际机场全年完成货邮吞吐量60.8万吨，比上年下降2.7%；旅客吞吐量2535.8万人次，增长175.0%。",
            "郑州",
            {"60.8万吨": ("郑州", "region"), "2.7%": ("郑州", "region")},
        ),
        # The nation's figure after a group it is compared with (dev 07, tuning): nation, not the group 五省.
        (
            "对比来看，去年前三季度GDP同比增速排名前五位分别是西藏、贵州、甘肃、云南和宁夏，"
            "这五省份今年前三季度GDP增速均低于9.8%的全国增速。",
            "全国",
            {"9.8%": ("全国", "nation")},
        ),
        # Figures after the bases of a comparison (分别高于全国、全省…) and a share of the whole (占全省的比重) are
        # the subject's.
        (
            "全年全市地区生产总值1300亿元，比上年增长4.5%，分别高于全国、全省0.5个和1.2个百分点。",
            "齐齐哈尔",
            {"0.5个": ("齐齐哈尔", "region"), "1.2个百分点": ("齐齐哈尔", "region")},
        ),
        ("全市地区生产总值占全省的比重为8.5%。", "齐齐哈尔", {"8.5%": ("齐齐哈尔", "region")}),
        # A county-level district named in the clause is a place, not a part of the next district's figure.
        (
            "滨海新区、和平区、河西区地区生产总值分别增长5.2%、4.1%和3.9%。",
            "天津",
            {"5.2%": ("滨海", "region"), "4.1%": ("和平", "region"), "3.9%": ("河西", "region")},
        ),
        # Places listed and counted together are a group, not their last member.
        ("银川、石嘴山、吴忠三市地区生产总值合计3000亿元。", "宁夏", {"3000亿元": ("宁夏", "group")}),
        # The group word inside the indicator phrase (两市GDP) still names the group; with 分别 the figures are the
        # members' own.
        ("郑州、开封两市GDP合计1.9万亿元。", "郑州", {"1.9万亿元": ("郑州", "group")}),
        (
            "北京、天津两市技术合同成交额分别为8536.9亿元和1965.8亿元。",
            "天津",
            {"8536.9亿元": ("北京", "region"), "1965.8亿元": ("天津", "region")},
        ),
    ],
)
def test_counties_and_groups_of_the_articles_region(body, region, expected):
    got = _facts(body, region)
    assert {k: got[k] for k in expected} == expected
