"""Events of unseen official texts (issue 9, gold/events/): one test per TUNING document generated from the gold
(its events found with their dates, nothing else extracted), a document with known misses as a strict xfail with
its reason; the rules its misses motivated, each on the real tuning sentence. The holdout documents are scored
only as aggregates (tests/test_evaluate.py) and none of their sentences is used here."""

from __future__ import annotations

import pytest

from lib import evaluate
from lib.extract import events
from lib.model import Article
from tests.test_events import _article as events_article

READ = [r for r in evaluate.load_gold_table("events/read") if r["split"] == "tuning"]
GOLD = evaluate.load_gold_table("events/tuning")
KNOWN_MISSES: dict[str, str] = {}


def _article(body: str, published: str, region: str, province: str) -> Article:
    return events_article(body, region=region, published=published, province=province)


def _cases():
    for r in READ:
        marks = [pytest.mark.xfail(reason=KNOWN_MISSES[r["doc"]], strict=True)] if r["doc"] in KNOWN_MISSES else []
        yield pytest.param(r, marks=marks, id=r["doc"])


@pytest.mark.parametrize("read", list(_cases()))
def test_tuning_document_events_are_the_gold_ones(read):
    [got] = evaluate.rows_by_doc([read], events.extract).values()
    gold = [g for g in GOLD if g["doc"] == read["doc"]]
    assert len(gold) == int(read["events"])
    # A relative date (目前) matches its month, as in the score (evaluate._same_date).
    found = {
        g["quote"]: [str(r["planned"]) for r in got if g["quote"] in r["sentence"] and evaluate._same_date(g, r)]
        for g in gold
    }
    assert all(g["planned"] in found[g["quote"]] for g in gold), found
    assert [r["sentence"] for r in got if not any(g["quote"] in r["sentence"] for g in gold)] == []


SHANDONG = (
    "(2011年6月)\n"
    "一日 省委书记、省人大常委会主任姜异康在淄博会见中国海外集团有限公司副董事长、总经理孔庆平一行,"
    "并出席文昌湖旅游度假区城乡统筹发展项目开工奠基仪式。省委常委、秘书长王敏,副省长才利民参加活动。\n"
    "二日 全国地市级公共文化服务体系建设现场经验交流会在烟台召开。"
)


def test_a_chronicle_entry_takes_its_day_and_the_month_of_the_heading():
    # 山东省人民政府大事记 (2011年6月), published in the 政府公报 in September: 一日 is 1 June 2011, and the
    # heading line is no event of its own.
    rows = events.extract(_article(SHANDONG, "2011-09-07", "山东", "山东"))
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2011-06-01", "day"), ("2011-06-02", "day")]


def test_the_place_an_event_is_held_in_is_its_region():
    # 在淄博会见, 在烟台召开: the venue, not the province of the officials who attend.
    rows = events.extract(_article(SHANDONG, "2011-09-07", "山东", "山东"))
    assert [r["region"] for r in rows] == ["淄博", "烟台"]


def test_a_day_before_which_something_is_due_is_no_recent_date():
    # 于每月3日前 is a monthly deadline (中山市发展和改革局's notice), not 日前 (recently).
    line = "请各有关单位于每月3日前通过中山市重点项目协同办公系统(http://zdxm.zsdp.gov.cn)填报。"
    assert events.find_dates(line) == []


def test_a_year_heading_the_figures_of_an_annual_plan_is_no_event():
    # 年度计划投资 names the plan the figure belongs to; the year heads a statistic (中山市发展和改革局).
    line = (
        "根据《广东省发展改革委关于下达广东省2023年重点建设项目计划的通知(粤发改重点〔2023〕72号),2023年共安排我市"
        "省重点建设项目62个,总投资3965亿元,年度计划投资428.5亿元,省前期预备项目34个,估算总投资1497.7亿元。"
    )
    assert events.extract(_article(line, "2023-03-13", "中山", "广东")) == []


def test_a_year_inside_ji_hou_dates_the_happening_it_names():
    # 继2023年…成功创建…后: the year need not open the clause after 继 (松阳县党史和地方志研究室).
    line = "这是继2023年松阳县综合年鉴成功创建“中国年鉴精品工程”后的又一重大突破。"
    [row] = events.extract(_article(line, "2025-01-24", "丽水", "浙江"))
    assert (row["date"], row["date_precision"], row["planned"]) == ("2023", "year", False)


SUINING = (
    "(三)主要目标。到2019年6月底,基本实现工程建设项目(主要是房屋建筑和城市基础设施)全流程审批时间压缩至90个"
    "工作日以内,初步建成工程建设项目审批制度框架和管理系统。"
)


def test_a_date_a_plan_is_to_be_met_by_is_a_planned_event():
    # 遂宁市人民政府's plan of April 2019: 到2019年6月底，基本实现… is a target.
    [row] = events.extract(_article(SUINING, "2019-04-29", "遂宁", "四川"))
    assert (row["date"], row["planned"]) == ("2019-06", True)


def test_the_same_date_after_the_fact_is_a_result_not_a_plan():
    # Read after June 2019 the same words report what had been done by then.
    [row] = events.extract(_article(SUINING, "2020-01-15", "遂宁", "四川"))
    assert (row["date"], row["planned"]) == ("2019-06", False)


def test_a_day_alone_with_its_part_of_the_day_opens_a_statement():
    # 佳木斯 (前进区) release of 7 April 2022: 7日上午 is that month's 7th.
    line = "7日上午,省委、省政府在13个市地同步举行黑龙江省重点项目集中开工仪式。"
    [row] = events.extract(_article(line, "2022-04-07", "佳木斯", "黑龙江"))
    assert (row["date"], row["date_precision"]) == ("2022-04-07", "day")


def test_the_end_of_a_year_a_plan_is_to_be_met_by_is_its_december():
    # 成都市发展和改革委员会's plan of 2024: 到2025年底前，…全面建成.
    line = (
        "到2025年底前,全市首批100个嵌入式服务设施建设示范社区全面建成,实现各类嵌入式设施空间协同布局、功能复合设置"
        "和可持续运营,形成可复制、可推广的经验、政策或模式。"
    )
    [row] = events.extract(_article(line, "2024-08", "成都", "四川"))
    assert (row["date"], row["date_precision"], row["planned"]) == ("2025-12", "month", True)


def test_the_end_of_a_past_year_is_the_reference_date_of_a_figure():
    # 上海's communiqué of March 2025: 到2024年底已出台22部… counts what exists, no event.
    line = "到2024年底已出台22部浦东新区法规和31部管理措施。"
    assert events.extract(_article(line, "2025-03-25", "上海", "上海")) == []


def test_years_in_the_topics_of_a_report_are_no_events():
    # 鹰潭市发展和改革委员会: the commission reported on (通报) …2024年…项目建设、…2025年一季度联动开工项目情况.
    line = (
        "会上市发改委通报专班建立以来运行情况,2024年超长期特别国债项目建设、2025年专项债项目谋划申报以及2025年一季度"
        "联动开工项目情况,各区(市)围绕专项债项目、超长期特别国债项目、2025年一季度未按计划联动开工项目情况进行了发言。"
    )
    assert events.extract(_article(line, "2025-04-10", "鹰潭", "江西")) == []


def test_a_chronicles_same_day_entries_stay_in_the_text_and_take_the_day_above():
    # 山东省人民政府大事记: △ opens the day's further entries; the layout step read them as photo captions (▲/△
    # legends of the press) and dropped them, 8 of the chronicle's 10 events.
    from lib import pipeline
    from lib.ingest import reader

    doc = reader.read_document(evaluate.find_doc("shandong_2011_06_government_chronicle"))
    [article] = pipeline.articles_from_document(doc)
    assert "△全省铁路建设工作会议在济南召开。" in article.text and article.captions == []
    rows = events.extract(article)
    railway = [r for r in rows if "全省铁路建设工作会议在济南召开" in r["sentence"]]
    assert [(r["date"], r["region"]) for r in railway] == [("2011-06-01", "济南")]


def test_a_triangle_outside_a_chronicle_is_no_event():
    # The same line with no dated entry before it is not dated by the △.
    line = "△全省铁路建设工作会议在济南召开。"
    assert events.extract(_article(line, "2011-09-07", "山东", "山东")) == []


def test_a_triangle_caption_of_a_release_stays_a_caption():
    # assembled_briefs_1 (tests/corpus/pages): ▲ under a chart is its legend; no chronicle day opens a line before it.
    from lib.ingest import layout

    paras = [
        layout.Para("金昌市统计局发布2021年粮食生产情况。", "body"),
        layout.Para("△ 2011-2021年金昌市粮食产量(单位:万吨)", "body"),
        layout.Para("▲ 2011-2021年金昌市粮食产量(单位:万吨)", "body"),
    ]
    assert [p.kind for p in layout.classify(paras)][1:] == ["caption", "caption"]


FUJIAN = (
    "我委积极支持福州城市轨道交通建设,去年国家发改委批复福州城市轨道交通二期建设规划调整,其中2号线延伸至马尾可服务沿线"
    "百姓便捷出行,促进马尾与市中心密切联系。目前,福州地铁集团正在开展设计招标等前期工作,项目工可审批相关前置要件尚未完成,"
    "下一步我委将继续督促福州市相关部门抓紧项目前期工作,力争早日开工建设。"
)


def test_an_approval_dates_the_year_that_heads_it_and_work_under_way_is_no_event():
    # 福建省发展和改革委员会's reply of January 2021: 去年…批复 is an event of 2020; 目前…正在开展… is a state.
    rows = events.extract(_article(FUJIAN, "2021-01-19", "福州", "福建"))
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2020", "year")]
