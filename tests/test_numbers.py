"""lib.extract.numbers: parse_number, find_quantities, hard cases, negatives, properties, real articles."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.numbers import Quantity, find_quantities, parse_number

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# The seed page is in the repository (data/raw/), so these tests never need ../shared.
SEED_FILES = sorted((Path(__file__).resolve().parent.parent / "data" / "raw").glob("000_*.txt"))
DEV_DIR = SHARED / "dev"


# --- parse_number -------------------------------------------------------------------------------

PARSE_CASES = [
    ("0", 0), ("7", 7), ("152", 152), ("84.7", 84.7), ("1,234", 1234), ("12,345,678.5", 12345678.5),
    ("１２０", 120), ("１２．５", 12.5), ("1.8万", 18000), ("2万亿", 2e12), ("3千万", 3e7), ("1.5亿", 1.5e8),
    ("零", 0), ("〇", 0), ("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("一百零二", 102),
    ("一千二百三十四", 1234), ("两千", 2000), ("两万亿", 2e12), ("十亿", 1e9), ("三千五百亿", 3.5e11),
    ("四万亿", 4e12), ("一亿二千万", 1.2e8), ("一万二千", 12000), ("一万零五", 10005), ("一百二", 120),
    ("一万二", 12000), ("万", 1e4), ("千", 1000), ("十万亿", 1e13), ("二〇二三", 2023), ("壹佰贰拾", 120),
    ("四分之一", 0.25), ("三分之二", 2 / 3), ("百分之十五", 0.15), ("百分之8.5", 0.085), ("三成", 0.3),
    ("1/4", 0.25), ("15%", 0.15), ("-3.5", -3.5), ("负三", -3),
]  # fmt: skip


@pytest.mark.parametrize(("s", "expected"), PARSE_CASES)
def test_parse_number(s, expected):
    assert parse_number(s) == pytest.approx(expected)


@pytest.mark.parametrize("s", ["", "abc", "十四五", "三四", "十百", "千千", "万万", "1.2.3", "分之", "零十"])
def test_parse_number_rejects(s):
    assert parse_number(s) is None


# --- a Chinese numeral writer for the property test --------------------------------------------

_CN = "零一二三四五六七八九"


def _below_10k(n: int, leading: bool, liang: bool) -> str:
    out, pending_zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if pending_zero:
            out += "零"
        pending_zero = False
        if unit == 10 and d == 1 and leading and not out:
            out += "十"  # 十五, not 一十五, at the head of a number
            continue
        out += ("两" if liang and d == 2 and unit >= 100 else _CN[d]) + name
    return out


def to_chinese(n: int, liang: bool = False, leading: bool = True) -> str:
    """Standard Chinese numeral: 零 for skipped places, optional 两 before 百/千/万/亿."""
    if n == 0:
        return "零"
    for big, name in ((10**8, "亿"), (10**4, "万")):
        if n >= big:
            hi, lo = divmod(n, big)
            head = "两" if liang and hi == 2 else to_chinese(hi, liang, leading)
            if not lo:
                return head + name
            gap = "零" if lo < big // 10 else ""
            return head + name + gap + to_chinese(lo, liang, leading=False)
    return _below_10k(n, leading, liang)


@pytest.mark.parametrize(
    ("n", "text"),
    [(10, "十"), (15, "十五"), (20, "二十"), (102, "一百零二"), (1010, "一千零一十"), (10005, "一万零五"),
     (120000, "十二万"), (100000000, "一亿"), (2 * 10**12, "两万亿"), (3500 * 10**8, "三千五百亿")],
)  # fmt: skip
def test_writer(n, text):
    assert to_chinese(n, liang="两" in text) == text


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**13), st.booleans())
def test_chinese_roundtrip(n, liang):
    assert parse_number(to_chinese(n, liang)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from([1, 2]), st.sampled_from(["万", "亿"]))
def test_decimal_with_multiplier(cents, places, mult):
    s = f"{cents / 10**places:.{places}f}"
    expected = float(s) * (1e4 if mult == "万" else 1e8)
    assert math.isclose(parse_number(s + mult), expected, rel_tol=1e-12)
    (q,) = find_quantities(f"总额{s}{mult}元，")
    assert math.isclose(q.value_base, expected, rel_tol=1e-12)
    assert q.base_unit == "元" and q.unit == mult + "元"


# --- find_quantities: one quantity per sentence -------------------------------------------------


def only(text: str) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, [q.raw for q in qs]
    return qs[0]


# text, raw, value, unit, value_base, base_unit, qualifier
CASES = [
    ("科技园的企业总数已超5000家", "超5000家", 5000, "家", 5000, "家", "more_than"),
    ("税收超12亿元，", "超12亿元", 12, "亿元", 1.2e9, "元", "more_than"),
    ("为千余家北京科技成果提供", "千余家", 1000, "家", 1000, "家", "more_than"),
    ("支持经费8600余万元。", "8600余万元", 8600, "万元", 8.6e7, "元", "more_than"),
    ("近9000项成果", "近9000项", 9000, "项", 9000, "项", "nearly"),
    ("技术合同额152亿元", "152亿元", 152, "亿元", 1.52e10, "元", "exact"),
    ("同比增长了84.7%。", "84.7%", 84.7, "%", 84.7, "%", "exact"),
    ("同比增长了84.7％。", "84.7％", 84.7, "%", 84.7, "%", "exact"),
    ("部署1.8万张智算卡", "1.8万张", 1.8, "万张", 18000, "张", "exact"),
    ("相当于5万台高性能PC", "5万台", 5, "万台", 50000, "台", "exact"),
    ("大概相当于5万台高性能PC", "大概相当于5万台", 5, "万台", 50000, "台", "about"),
    ("每天最多飞行4个架次", "最多飞行4个架次", 4, "个架次", 4, "架次", "at_most"),
    ("飞行次数最多的是3个", "3个", 3, "个", 3, "个", "exact"),
    ("运算速度每秒十亿次，", "十亿次", 10, "亿次", 1e9, "次", "exact"),
    ("GDP突破两万亿", "突破两万亿", 2, "万亿", 2e12, "", "more_than"),
    ("投资三千五百亿元", "三千五百亿元", 3500, "亿元", 3.5e11, "元", "exact"),
    ("生产总值超过4万亿元", "超过4万亿元", 4, "万亿元", 4e12, "元", "more_than"),
    ("首个“四万亿”城市", "四万亿", 4, "万亿", 4e12, "", "exact"),
    ("北京和上海为“3万亿级”", "3万亿级", 3, "万亿", 3e12, "", "at_least"),
    ("落户2万余台设备", "2万余台", 2, "万台", 20000, "台", "more_than"),
    ("增长均超三成", "超三成", 3, "成", 30, "%", "more_than"),
    ("约四分之一的企业", "约四分之一", 25, "%", 25, "%", "about"),
    ("占百分之十五", "百分之十五", 15, "%", 15, "%", "exact"),
    ("投资１２０亿元", "１２０亿元", 120, "亿元", 1.2e10, "元", "exact"),
    ("提升1.2个百分点", "1.2个百分点", 1.2, "个百分点", 1.2, "个百分点", "exact"),
    ("黑龙江：100P人工智能算力中心", "100P", 100, "P", 100, "P", "exact"),
    ("提供6600P智算能力", "6600P", 6600, "P", 6600, "P", "exact"),
    ("到资20.27亿美元，", "20.27亿美元", 20.27, "亿美元", 2.027e9, "美元", "exact"),
    ("消费量187.41万吨标准煤，", "187.41万吨标准煤", 187.41, "万吨标准煤", 1874100, "吨标准煤", "exact"),
    ("电力消费30.89亿千瓦时，", "30.89亿千瓦时", 30.89, "亿千瓦时", 3.089e9, "千瓦时", "exact"),
    ("天然气消费6.18亿立方米，", "6.18亿立方米", 6.18, "亿立方米", 6.18e8, "立方米", "exact"),
    ("年均增长20%以上，", "20%以上", 20, "%", 20, "%", "at_least"),
    ("投资总额1000万美元以上新设外资项目", "1000万美元以上", 1000, "万美元", 1e7, "美元", "at_least"),
    ("成本约8000万元。", "约8000万元", 8000, "万元", 8e7, "元", "about"),
    ("差距扩大到接近200亿元。", "接近200亿元", 200, "亿元", 2e10, "元", "nearly"),
    ("泉州GDP以百亿元领先于福州", "百亿元", 100, "亿元", 1e10, "元", "about"),
    ("全国最大的国产化风冷万卡集群", "万卡", 10000, "卡", 10000, "卡", "about"),
    ("用工人数为287.43万人，", "287.43万人", 287.43, "万人", 2874300, "人", "exact"),
    ("2020年仅余384.19万，", "384.19万", 384.19, "万", 3841900, "", "exact"),
    ("增长2.3倍、", "2.3倍", 2.3, "倍", 2.3, "倍", "exact"),
    ("每天能完成8个架次飞行测试", "8个架次", 8, "个架次", 8, "架次", "exact"),
    ("连续11个月居全省首位", "11个月", 11, "个月", 11, "个月", "exact"),
    ("效率提升约50%，", "约50%", 50, "%", 50, "%", "about"),
    ("预计3000万元左右", "3000万元左右", 3000, "万元", 3e7, "元", "about"),
    ("每年不超过30亿元", "不超过30亿元", 30, "亿元", 3e9, "元", "at_most"),
    ("年产3GW单晶电池项目", "3GW", 3, "GW", 3, "GW", "exact"),
    ("全市超过10万人参加", "超过10万人", 10, "万人", 1e5, "人", "more_than"),
    ("交易额过万", "过万", 10000, "", 10000, "", "more_than"),
    ("吸引上千家企业", "上千家", 1000, "家", 1000, "家", "at_least"),
    ("增速下降-2.1%", "-2.1%", -2.1, "%", -2.1, "%", "exact"),
    ("共12,345家企业", "12,345家", 12345, "家", 12345, "家", "exact"),
    ("价格5000元/吨", "5000元/吨", 5000, "元/吨", 5000, "元/吨", "exact"),
    ("约1/4的企业", "约1/4", 0.25, "", 0.25, "", "about"),
    ("增长一倍", "一倍", 1, "倍", 1, "倍", "exact"),
    ("聚集十余万人", "十余万人", 10, "万人", 1e5, "人", "more_than"),
    ("上升为国家战略十年来", "十年", 10, "年", 10, "年", "exact"),
    ("从近10年的数据看", "10年", 10, "年", 10, "年", "exact"),  # 近 + duration: "the last"
    ("装机百万千瓦", "百万千瓦", 100, "万千瓦", 1e6, "千瓦", "about"),
    ("项目可支持万亿级参数计算", "万亿级", 1e12, "", 1e12, "", "at_least"),
    ("GDP8.8万亿元", "8.8万亿元", 8.8, "万亿元", 8.8e12, "元", "exact"),
]


@pytest.mark.parametrize(("text", "raw", "value", "unit", "base", "base_unit", "qualifier"), CASES)
def test_find_quantity(text, raw, value, unit, base, base_unit, qualifier):
    q = only(text)
    assert (q.raw, q.unit, q.base_unit, q.qualifier) == (raw, unit, base_unit, qualifier)
    assert q.value == pytest.approx(value) and q.value_base == pytest.approx(base)
    assert text[q.start : q.end] == q.raw and q.value_high is None


def test_spans_and_fields():
    text = "目前，科技园的企业总数已超5000家，税收超12亿元。"
    a, b = find_quantities(text)
    assert (a.start, a.end, a.num_start, a.num_end) == (12, 18, 13, 18)
    assert (a.qualifier_text, a.multiplier, a.currency) == ("超", 1, "")
    assert text[b.num_start : b.num_end] == "12亿元" and b.raw == "超12亿元"
    assert (b.multiplier, b.currency, b.qualifier_text) == (1e8, "CNY", "超")
    q = only("支持经费8600余万元。")
    assert (q.qualifier_text, q.multiplier, q.raw) == ("余", 1e4, "8600余万元")
    q = only("我国GDP前十强城市中，有40多个国家")
    assert (q.value, q.qualifier_text) == (40, "多")


@pytest.mark.parametrize(
    ("text", "raw", "low", "high", "unit", "low_base", "high_base"),
    [("投资8.5亿元至10亿元。", "8.5亿元至10亿元", 8.5, 10, "亿元", 8.5e8, 1e9),
     ("投资8.5亿至10亿元。", "8.5亿至10亿元", 8.5, 10, "亿元", 8.5e8, 1e9),
     ("降幅16%-37%不等", "16%-37%", 16, 37, "%", 16, 37),
     ("降幅16%~37%不等", "16%~37%", 16, 37, "%", 16, 37),
     ("降幅16％～37％不等", "16％～37％", 16, 37, "%", 16, 37),
     ("建设周期3至5年", "3至5年", 3, 5, "年", 3, 5),
     ("投资8000万至1.2亿元", "8000万至1.2亿元", 0.8, 1.2, "亿元", 8e7, 1.2e8)],
)  # fmt: skip
def test_ranges(text, raw, low, high, unit, low_base, high_base):
    q = only(text)
    assert (q.raw, q.unit) == (raw, unit)
    assert (q.value, q.value_high) == (pytest.approx(low), pytest.approx(high))
    assert (q.value_base, q.value_high_base) == (pytest.approx(low_base), pytest.approx(high_base))
    assert q.num_start == q.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [("由原先的3大系列6款产品增加到6大系列48款产品", [(3, "系列"), (6, "款"), (6, "系列"), (48, "款")]),
     ("已辐射40多个国家140多个城市", [(40, "个"), (140, "个")]),
     ("通达24个国家200多个城市", [(24, "个"), (200, "个")]),
     ("分别增长3.3、1.4、1.1倍", [(3.3, "倍"), (1.4, "倍"), (1.1, "倍")]),
     ("集成电路、笔记本电脑分别出口1493.7亿元、1109.9亿元", [(1493.7, "亿元"), (1109.9, "亿元")]),
     ("从过去的7天缩短到1天", [(7, "天"), (1, "天")]),
     ("每10万人中就有4.1万人拥有大学学历", [(4.1, "万人")]),  # 每N: a denominator
     ("每千人拥有3.5张床位", [(3.5, "张")])],
)  # fmt: skip
def test_several_in_one_phrase(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


# --- negatives: nothing may overlap the marked span ---------------------------------------------

NEGATIVES = [
    ("2023年天津市吸纳技术合同", "2023年"), ("5月19日，致道创新", "5月19日"), ("自2014年6月开通以来", "2014年6月"),
    ("2024年一季度", "2024年一季度"), ("项目计划在9月底投产交付", "9月底"), ("今年1-8月，江苏", "1-8月"),
    ("1—7月全区扩大有效投资", "1—7月"), ("2013-2018年同期", "2013-2018年"), ("低于2018、2019年水平", "2018、2019"),
    ("上半年GDP", "上半年"), ("前三季度GDP", "前三季度"), ("位居全国第一方阵", "第一"), ("首届超算互联网峰会", "首届"),
    ("第3名", "第3名"), ("投资增速前三名", "前三名"), ("北京市第十五届人民代表大会", "第十五届"),
    ("“十四五”规划目标", "十四五"), ("实现“五个一”目标", "五个一"), ("积极推进“双向飞地”", "双向飞地"),
    ("“一带一路”沿线", "一带一路"), ("“一点连三洲、一线串欧美”", "一点连三洲、一线串欧美"),
    ("四大丝路协同联动", "四大丝路"), ("长三角G60科创走廊", "长三角G60"), ("地铁6号线", "6号线"),
    ("智能化工厂一角", "一角"), ("百度、阿里、腾讯", "百度"), ("一流院校", "一流"), ("长三角一体化", "一体化"),
    ("引进一批科技企业", "一批"), ("一条条产业链", "一条条"), ("一个个优质项目", "一个个"), ("一方面在上海", "一方面"),
    ("统一大市场", "统一"), ("一站式服务", "一站式"), ("全省唯一增速", "唯一"), ("万物互联", "万物"),
    ("千万不要掉以轻心", "千万"), ("一线城市", "一线"), ("京津冀三地成果网", "三地"), ("加强两地战略合作", "两地"),
    ("四川省经济合作局", "四川"), ("九江、三亚、十堰", "九江、三亚、十堰"), ("六盘水和五指山", "六盘水和五指山"),
    ("七台河市", "七台河"), ("万州区", "万州"), ("三明、漳州", "三明"), ("廊坊三河市", "三河"),
    ("增速达到了两位数", "两位数"), ("两年平均增长5.4%", "两年"), ("两年分别平均增长33.9%", "两年"),
    ("世界500强项目", "500强"), ("前十强城市", "十强"), ("3D打印设备", "3D"), ("5G基站", "5G"),
    ("落实“开放十条”政策", "十条"), ("用好“稳住经济增长30条”", "30条"), ("开展“二次招商”", "二次"),
    ("进入“8万亿元俱乐部”", "8万亿元"), ("四大支柱行业", "四大"), ("三大门类", "三大"), ("二是线上消费", "二"),
    ("零售总额（亿元）增速", "亿元"), ("单位：万元", "万元"), ("数十家企业", "数十家"), ("三四个项目", "三四个"),
    ("21世纪经济报道", "21世纪"), ("1．地级市", "1．"), ("（一）扩大有效投资", "（一）"), ("三次产业结构", "三次"),
    ("第七次人口普查", "第七次"), ("前11月", "前11月"), ("5/19发布", "5/19"), ("二〇二三年", "二〇二三年"),
    ("1-3期项目", "1-3期"), ("“两升一降”态势", "两升一降"), ("百年未有之大变局", "百年"), ("千家万户", "千家万户"),
    ("Covid-19疫情", "19"), ("超算互联网", "超"), ("世界超市", "超市"), ("施尔威超电容", "超电容"),
    ("超大型数据中心", "超大型"), ("近日，又有", "近日"), ("近年来", "近年"), ("近期集体签约", "近期"),
    ("多个城市", "多个"), ("多项成果", "多项"), ("以上项目1—7月份", "1—7月份"), ("三年级", "三年级"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span"), NEGATIVES)
def test_not_a_quantity(text, span):
    start = text.index(span)
    end = start + len(span)
    hits = [q.raw for q in find_quantities(text) if q.num_start < end and start < q.num_end]
    assert hits == []


def test_qualifier_words_inside_other_words():
    q = only("规模以上工业增加值同比增长15%")
    assert (q.raw, q.qualifier) == ("15%", "exact")
    assert only("签约16家企业").qualifier == "exact"  # 签约 is not 约
    assert only("通过3000万元补贴").qualifier == "exact"  # 通过 is not 过
    assert only("超算中心投资12亿元").raw == "12亿元"


def test_protected_spans():
    text = "七星区投资3亿元"
    assert [q.raw for q in find_quantities(text, protected_spans=[(5, 6)])] == []
    assert [q.raw for q in find_quantities(text)] == ["3亿元"]


def test_empty_and_plain_text():
    assert find_quantities("") == []
    assert find_quantities("京津冀协同发展走深走实") == []


def test_long_text_gives_every_quantity():
    sentence = "据统计，2023年全市规模以上工业增加值同比增长6.2%，超5000家企业落户，投资152亿元。"
    assert len(find_quantities(sentence * 5000)) == len(find_quantities(sentence)) * 5000


# --- real articles -------------------------------------------------------------------------------


def _by_raw(text: str) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = {}
    for q in find_quantities(text):
        out.setdefault(q.raw, []).append(q)
    return out


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED_FILES:
        pytest.skip("seed page not available")
    return SEED_FILES[0].read_text(encoding="utf-8")


def test_seed_page(seed_text):
    found = _by_raw(seed_text)
    raws = [q.raw for q in find_quantities(seed_text)]
    for raw in ["超5000家", "超12亿元", "千余家", "近9000项", "152亿元", "84.7%", "8600余万元", "1200万元",
                "3000万元", "40多个", "140多个", "1300多种", "14班", "超6000亿元", "20%以上", "6.2%", "15%",
                "20余家", "143家", "十亿次", "大概相当于5万台", "1.8万张", "2336台", "6600P", "120余家", "约50%"]:  # fmt: skip
        assert raw in found, raw
    assert found["8600余万元"][0].value_base == 8.6e7
    assert found["十亿次"][0].value_base == 1e9
    assert raws.count("16家") == 4 and raws.count("100P") == 3
    for word in [
        "2023年",
        "5月19日",
        "十四五",
        "G60",
        "五个一",
        "一批",
        "百度",
        "长三角",
        "一角",
        "首届",
        "第一",
    ]:
        assert not any(word in r for r in raws), word
    assert 55 <= len(raws) <= 70


def _dev(name: str) -> str:
    files = sorted(DEV_DIR.glob(f"{name}*.txt")) if DEV_DIR.is_dir() else []
    if not files:
        pytest.skip(f"dev article {name} not available")
    return files[0].read_text(encoding="utf-8")


# article, raw, value_base, base_unit, qualifier
DEV_EXPECTED = [
    ("01", "20.27亿美元", 2.027e9, "美元", "exact"), ("01", "10.04个百分点", 10.04, "个百分点", "exact"),
    ("01", "1470余家", 1470, "家", "more_than"), ("01", "1000万美元以上", 1e7, "美元", "at_least"),
    ("01", "310余条", 310, "条", "more_than"),
    ("02", "超三成", 30, "%", "more_than"), ("02", "4745.61亿元", 4.74561e11, "元", "exact"),
    ("02", "1个百分点", 1, "个百分点", "exact"),
    ("03", "32878.4亿元", 3.28784e12, "元", "exact"), ("03", "1.2亿美元", 1.2e8, "美元", "exact"),
    ("03", "约8000万元", 8e7, "元", "about"), ("03", "9.6个百分点", 9.6, "个百分点", "exact"),
    ("04", "超过5000亿元", 5e11, "元", "more_than"), ("04", "接近200亿元", 2e10, "元", "nearly"),
    ("04", "43个月", 43, "个月", "exact"), ("04", "百亿元", 1e10, "元", "about"),
    ("05", "187.41万吨标准煤", 1874100, "吨标准煤", "exact"), ("05", "8.08亿千瓦时", 8.08e8, "千瓦时", "exact"),
    ("05", "4.77亿立方米", 4.77e8, "立方米", "exact"), ("05", "83.46万吨", 834600, "吨", "exact"),
    ("06", "1133个", 1133, "个", "exact"), ("06", "675.9亿元", 6.759e10, "元", "exact"),
    ("06", "超过100%", 100, "%", "more_than"), ("06", "3GW", 3, "GW", "exact"),
    ("07", "超过8.8万亿元", 8.8e12, "元", "more_than"), ("07", "1.1倍", 1.1, "倍", "exact"),
    ("07", "1703.4亿元", 1.7034e11, "元", "exact"), ("07", "20%以上", 20, "%", "at_least"),
    ("08", "四万亿", 4e12, "", "exact"), ("08", "突破四万亿", 4e12, "", "more_than"),
    ("08", "3万亿级", 3e12, "", "at_least"), ("08", "38700.58亿元", 3.870058e12, "元", "exact"),
    ("08", "287.43万人", 2874300, "人", "exact"), ("08", "6%以上", 6, "%", "at_least"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "raw", "base", "base_unit", "qualifier"), DEV_EXPECTED)
def test_dev_articles(name, raw, base, base_unit, qualifier):
    found = _by_raw(_dev(name))
    assert raw in found, raw
    q = found[raw][0]
    assert (q.base_unit, q.qualifier) == (base_unit, qualifier)
    assert q.value_base == pytest.approx(base)


@pytest.mark.parametrize(
    ("name", "words"),
    [("01", ["1-6月", "500强", "开放十条", "稳住经济增长30条", "二次招商", "2022中外", "四大特征", "百日"]),
     ("02", ["1-2月", "2013-2018年", "两年", "3D", "四大", "三大", "一是", "二是"]),
     ("03", ["1-8月", "21世纪", "1-3期", "3期", "9月17日"]),
     ("04", ["两位数", "一季度", "四大", "5月份", "6月份"]),
     ("05", ["1-4月", "两升一降", "六大", "三大门类"]),
     ("06", ["1—7月", "前二名", "前三名", "前九名", "后三名", "7月底", "1．", "（一）"]),
     ("07", ["11月1日", "十强", "第二", "第三", "前五位", "半个中国"]),
     ("08", ["第十五届", "第五次", "前十强", "第七次", "前11月", "1-11月", "四大一线", "第四极", "（亿元）"])],
)  # fmt: skip
def test_dev_articles_negatives(name, words):
    text = _dev(name)
    qs = find_quantities(text)
    for word in words:
        start = text.find(word)
        assert start >= 0, word
        while start >= 0:
            end = start + len(word)
            assert not [q.raw for q in qs if q.num_start < end and start < q.num_end], word
            start = text.find(word, end)


# Crawl noise in the shipped Zhengzhou 2024 communiqué: spaces inside numbers and before units.
@pytest.mark.parametrize(
    "sentence, raw, value_base, base_unit",
    [
        ("城镇新增就业人员 13 . 94万人", "13 . 94万人", 139400, "人"),
        ("实现再就业 2 .13 万 人", "2 .13 万 人", 21300, "人"),
        ("常住人口城镇化率为 81 %", "81 %", 81, "%"),
        ("比上年增长7. 1 %", "7. 1 %", 7.1, "%"),
        ("比上年末提高 1 个百分点", "1 个百分点", 1, "个百分点"),
        ("新能源汽车 6 万辆", "6 万辆", 60000, "辆"),
        # Counters of livestock, pairs, cigarettes and parcels (the Tianjin and Zhengzhou communiqués).
        ("牛出栏量21.35万头", "21.35万头", 213500, "头"),
        ("国际友城达103对", "103对", 103, "对"),
        ("卷烟797.1亿支", "797.1亿支", 7.971e10, "支"),
        ("跨境电子贸易走货量6051万包", "6051万包", 6.051e7, "包"),
        ("比上年下降0.73个千分点", "0.73个千分点", 0.73, "个千分点"),
        ("科技成果登记数2007项", "2007项", 2007, "项"),  # a count after 数, not 数十
    ],
)
def test_crawled_numbers_are_read_with_offsets_as_written(sentence, raw, value_base, base_unit):
    [q] = find_quantities(sentence)
    assert (q.raw, q.base_unit) == (raw, base_unit) and q.value_base == pytest.approx(value_base)
    assert sentence[q.start : q.end] == raw


def test_two_table_cells_are_not_one_number():
    assert [q.raw for q in find_quantities("表格 506.0 189.5 316.5")] == ["506.0", "189.5", "316.5"]


# Chinese decimals, as issue 9 lists them from unseen texts (the figures lost their integer part).
@pytest.mark.parametrize(
    "sentence, raw, value_base, base_unit, qualifier",
    [
        ("经济总量达十一点五万亿元", "十一点五万亿元", 1.15e13, "元", "exact"),
        ("完成投资三点五亿元", "三点五亿元", 3.5e8, "元", "exact"),
        ("同比增长百分之六点二", "百分之六点二", 6.2, "%", "exact"),
        ("预期增长百分之五点二左右", "百分之五点二左右", 5.2, "%", "about"),
    ],
)
def test_chinese_decimals(sentence, raw, value_base, base_unit, qualifier):
    [q] = find_quantities(sentence)
    assert (q.raw, q.base_unit, q.qualifier) == (raw, base_unit, qualifier)
    assert q.value_base == pytest.approx(value_base)


def test_a_clock_time_and_an_idiom_are_not_decimals():
    assert find_quantities("下午三点开会") == [] and find_quantities("两点一线") == []


def test_chinese_numerals_agree_with_cn2an():
    """cn2an, an independent reader of Chinese numerals, as the oracle for parse_number."""
    cn2an = pytest.importorskip("cn2an")
    rng = random.Random(11)
    for _ in range(400):
        n = rng.choice([rng.randint(1, 99), rng.randint(100, 9999), rng.randint(10**4, 10**9)])
        decimals = rng.choice(["", "", str(rng.randint(1, 9)), f"{rng.randint(0, 9)}{rng.randint(1, 9)}"])
        written = cn2an.an2cn(f"{n}.{decimals}" if decimals else str(n), "low")
        assert parse_number(written) == pytest.approx(cn2an.cn2an(written, "strict")), written
