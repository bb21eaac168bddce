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


# Second round of tuning texts (济宁, 雄安, 海口, 凤县, 江源, 中宁, 西夏区; labelled before any run on them).


def _document_article(stem: str, containing: str) -> Article:
    from lib import pipeline
    from lib.ingest import reader

    doc = reader.read_document(evaluate.find_doc(stem))
    [article] = [a for a in pipeline.articles_from_document(doc) if containing in a.text]
    return article


def test_a_date_written_with_spaces_is_a_date():
    # 海口's 2020 work report, as its site writes it (figures too: 1671.9 亿元); the year followed by 是 stays no event.
    subtitle = "——2020 年 5 月 26 日在海口市第十六届人民代表大会第六次会议上"
    rows = events.extract(_article(subtitle, "2020-05-26", "海口", "海南"))
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2020-05-26", "day")]
    copula = "2019 年是新中国成立 70 周年,是海南全面深化改革开放的关键之年。"
    assert events.extract(_article(copula, "2020-05-26", "海口", "海南")) == []


def test_a_speech_subtitle_broken_over_two_lines_is_one_line_of_the_text():
    # 江源区's report: ——2024年12月28日在白山市江源区第十届人民代表大会 / 第四次会议上 (the first line of the file, so
    # it was taken for the headline and the session's date was lost); 凤县's writes no dash and has a blank line between.
    article = _document_article("jiangyuan_2024_government_work_report", "各位代表")
    assert article.text.startswith("——2024年12月28日在白山市江源区第十届人民代表大会第四次会议上\n")
    assert [(r["date"], r["region"]) for r in events.extract(article)] == [("2024-12-28", "白山")]
    article = _document_article("fengxian_2023_government_work_report", "各位代表")
    assert "2023年1月9日在凤县第十八届人民代表大会第二次会议上" in article.text


def test_chronicle_entries_opened_by_month_and_day_keep_their_triangles_and_the_entrys_day():
    # 济宁市人民政府大事记2024年8月: entries open with 8月1日 and a space, and △ entries follow; the △ after the entry of
    # 8月2日 is of that day, not of 7月25日, the last date named inside the entry.
    article = _document_article("jining_2024_08_government_chronicle", "8月1日")
    assert "△市委副书记、市长于永生主持召开市政府第45次常务会议" in article.text and article.captions == []
    rows = events.extract(article)
    assert [r["date"] for r in rows if r["relative"] == "△"] == ["2024-08-01", "2024-08-02", "2024-08-02"]


def test_the_dated_meeting_of_a_national_body_is_the_nations_event():
    sentence = (
        "8月2日 市委常委会召开会议,传达学习习近平总书记在党的二十届三中全会上的重要讲话精神,传达学习习近平总书记在7月30日"
        "中央政治局会议和7月25日中央政治局常务委员会会议上的重要讲话精神,研究贯彻落实意见。"
    )
    rows = events.extract(_article(sentence, "2024-10-26", "济宁", "山东"))
    assert [(r["date"], r["region"]) for r in rows] == [
        ("2024-08-02", "济宁"), ("2024-07-30", "全国"), ("2024-07-25", "全国")
    ]


XIONGAN_4 = (
    "4.10月22日,河北雄安新区大气污染防治领导小组办公室发布通知,受冷空气影响,雄安新区风向转为西北风,空气质量自西向东逐渐好转,"
    "23日污染扩散气象条件维持有利。为此,新区决定自10月22日24时解除重污染天气Ⅱ级应急响应。"
)


def test_a_province_before_its_own_place_names_that_place_and_the_paragraph_keeps_it():
    # 雄安's roundup of 2018-10-23: 河北雄安新区…发布通知 is about 雄安, and so is the next sentence (新区决定…) of the
    # item; a new paragraph starts again from the article's region.
    rows = events.extract(_article(XIONGAN_4 + "\n为此,新区决定自10月22日24时解除应急响应。", "2018-10-23", "河北", "河北"))
    assert [(r["date"], r["region"]) for r in rows] == [("2018-10-22", "雄安"), ("2018-10-22", "雄安"), ("2018-10-22", "河北")]
    from lib.extract import regions

    assert regions.sentence_region(XIONGAN_4, regions.lookup("河北")).region == "雄安"


def test_a_bare_month_after_a_plans_lead_is_a_planned_event_and_a_roundups_recent_date_its_month():
    # 雄安's roundup: 目前…已经完成… is an event of the publication month, 将于10月完成… a plan of October; 近日 of a
    # roundup item is anchored on the publication day.
    sentence = "目前,新区生态环境局已经完成现有资料的梳理,开始编制特许经营实施方案,将于10月完成试点项目前期工作。"
    rows = events.extract(_article(sentence, "2018-10-23", "雄安", "河北"))
    assert [(r["date"], r["relative"], r["planned"]) for r in rows] == [("2018-10-23", "目前", False), ("2018-10", "", True)]
    recent = "1.近日,全省推进中央环境保护督察“回头看”及专项督察反馈意见整改落实工作会议在石家庄召开。"
    rows = events.extract(_article(recent, "2018-10-23", "河北", "河北"))
    assert [(r["date"], r["date_precision"], r["region"]) for r in rows] == [("2018-10-23", "relative", "石家庄")]


def test_now_with_a_word_of_state_is_no_event():
    # 凤县's report: 12月初,政府决定… is an event of December 2022; 目前全县医药物资储备充足 says how things stand.
    sentence = "12月初,政府决定财政补贴30%稳控医药市场,目前全县医药物资储备充足,感染群众有药买,民心稳定,社会和谐有序。"
    rows = events.extract(_article(sentence, "2023-01-09", "宝鸡", "陕西"))
    assert [(r["date"], r["relative"]) for r in rows] == [("2022-12", "")]
