"""One explicit pyarrow schema per table, with the meaning of every column beside it.

The README's "Table schemas" section is generated from ``COLUMNS`` (``python -m lib.store.schema``)
and a test fails when a column is undocumented, so code and documentation cannot drift apart.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "4"

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
_LS = pa.list_(pa.string())

EVENTS_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("event_id", _S, "Stable ID: hash of the article ID and the date's offset."),
    ("article_id", _S, "The article the statement comes from."),
    (
        "region",
        _S,
        "Region the statement is about: the place the sentence names as subject, else the article's "
        "(a subject that is the province of the article's city keeps the city).",
    ),
    (
        "date",
        _S,
        "ISO date as precise as the text allows: YYYY-MM-DD, YYYY-MM or YYYY; relative dates carry the "
        "publication date; --MM-DD / --MM when no year can be found.",
    ),
    ("date_precision", _S, "day, month, year, or relative (近日, 目前 ...: only anchored on publication)."),
    (
        "year_inferred",
        _B,
        "True when the year is not written in the sentence (taken from the publication date or from "
        "the latest year in the article).",
    ),
    (
        "relative",
        _S,
        "The relative word (今年, 近日, 日前, 当天, 目前 ...) when the date was relative, else ''.",
    ),
    ("planned", _B, "True for plans and announcements of the future (计划在年底投产, 将于, 预计)."),
    (
        "description",
        _S,
        "What happened: the clause holding the date, without the date, at most 30 characters.",
    ),
    ("sentence", _S, "The whole source sentence, as written."),
    ("char_start", _I, "Start of the date expression in the article text."),
    ("char_end", _I, "End (exclusive) of the date expression in the article text."),
]

ENTITIES_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("entity_id", _S, "Stable ID: hash of article ID, type and normalised name."),
    ("article_id", _S, "The article the entity is mentioned in."),
    ("region", _S, "The article's region (short name)."),
    (
        "name",
        _S,
        "Normalised name: ASCII dashes and brackets, no spaces; a short reference merged into the "
        "article's longer name (青海央宗药业 -> 青海央宗药业有限公司); places by region short name.",
    ),
    (
        "type",
        _S,
        "company, park, university, institute, government, consortium, other_org, person or place.",
    ),
    (
        "role",
        _S,
        "People: the title printed next to the name, with its organisation when given "
        "(天津市科技局局长); '' otherwise.",
    ),
    ("mentions", _I, "Number of mentions in the article text."),
    ("sentence", _S, "The sentence of the first mention, as written."),
    ("char_start", _I, "Start of the first mention in the article text."),
    ("char_end", _I, "End (exclusive) of the first mention in the article text."),
]

KEYWORDS_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    (
        "scope",
        pa.string(),
        "`article` (one article's terms) or `region` (all articles of a region together).",
    ),
    ("scope_id", pa.string(), "article_id for an article, the region's short name for a region."),
    (
        "term",
        pa.string(),
        "The term as segmented by jieba with the domain dictionary (新质生产力, 双向飞地).",
    ),
    (
        "weight",
        pa.float64(),
        "TF-IDF weight scaled to 0..1 within the scope (the top term is 1.0), rounded to 6 decimals.",
    ),
    ("rank", pa.int32(), "1 for the most distinctive term of the scope, up to TOP_N (lib/extract/keywords.py)."),
]

LINKS_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("link_id", _S, "Stable ID: hash of article, offset, source, target and relation."),
    ("article_id", _S, "The article the relation comes from."),
    ("source_region", _S, "Short name of the place the relation starts from (研发地, origin, subject)."),
    ("target_region", _S, "Short name of the other place (生产地, destination, partner)."),
    ("source_level", _S, "Level of the source: province, prefecture, county, macro or foreign."),
    ("target_level", _S, "Level of the target: province, prefecture, county, macro or foreign."),
    ("relation", _S, "rd_to_production, route, enclave, cooperation or investment."),
    ("evidence", _S, "The words the relation was read from (研发…转化, 至, 飞地, 合作, 落户 ...)."),
    ("sentence", _S, "The source sentence, as written (split at 。！？ and ；)."),
    ("char_start", _I, "Start of the evidence span (first place or trigger) in the article text."),
    ("char_end", _I, "End (exclusive) of the evidence span in the article text."),
]

# table -> [(column, type, meaning)]
COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "articles": [
        ("article_id", _S, "Stable ID: hash of the input's content hash and the article's position in it."),
        ("source", _S, "Outlet, from the metadata sidecar, a 来源 line or a dateline (科技日报 ...)."),
        (
            "published",
            _S,
            "Publication date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY; '' if unknown.",
        ),
        (
            "published_inferred",
            _B,
            "True when `published` was inferred from the text, not given by metadata.",
        ),
        ("title", _S, "Headline as printed."),
        ("kicker", _S, "Line printed above the headline (引题), '' when none."),
        ("column", _S, "Section label the article was printed under (地方动态 ...), '' when none."),
        ("byline", _S, "Byline as printed, cleaned of ◎ and brackets (本报记者 陈曦)."),
        ("reporters", _LS, "Names in the byline."),
        ("region", _S, "Short name of the region the article is about (天津, 郑州, 上饶, 黑龙江 ...)."),
        ("province", _S, "Short name of that region's province-level division (the region itself for one)."),
        ("level", _S, "Administrative level of `region`: province, prefecture or county; '' when unknown."),
        (
            "text",
            _S,
            "Body as written (full-width kept), fragments rejoined, captions removed; "
            "paragraphs separated by newlines. Character offsets in other tables refer to this text.",
        ),
        ("captions", _LS, "Photo captions printed with the article, credit included."),
        ("subheads", _LS, "Section headings inside the article, in order (they also stand in `text`)."),
        ("input_file", _S, "The raw file the article came from, relative to the repository when inside it."),
        ("content_hash", _S, "sha256 of the input's normalised text: the same content is stored once."),
    ],
    "facts": [
        ("fact_id", _S, "Stable ID: hash of article, field and offset."),
        ("article_id", _S, "The article the fact comes from."),
        (
            "region",
            _S,
            "Region the figure is about: the article's, or the place a sentence names as subject.",
        ),
        ("province", _S, "Province-level division of `region`."),
        ("field", _S, "Where the quantity stands: `title`, `kicker` or `text` (offsets refer to that field)."),
        ("sentence", _S, "The whole source sentence, as written."),
        ("sentence_start", _I, "Start of `sentence` in the article field, so the quantity sits at "
         "`char_start - sentence_start` within it."),
        ("char_start", _I, "Start of the quantity (qualifier words included) in the article field."),
        ("char_end", _I, "End (exclusive) of the quantity in the article field."),
        ("raw", _S, "The quantity as written, qualifiers included (超3000家, 2600余万元, 12.5%)."),
        ("value", _F, "The number as written, before the unit's multiplier (45 for 45亿元)."),
        ("value_high", _F, "High end of a range as written (10 for 8.5亿元至10亿元), else null."),
        ("unit", _S, "Unit as written, multiplier included (亿元, 万张, %, 个百分点, 家)."),
        (
            "value_base",
            _F,
            "Magnitude with 十/百/千/万/亿/万亿 applied, in `base_unit` (4500000000 for 45亿元); "
            "percentages stay in percent, and so does a growth written in 倍 or 番 (增长1.7倍: 170 %, "
            "翻一番: 100 %); a range's low end.",
        ),
        ("value_high_base", _F, "A range's high end in `base_unit`, else null."),
        (
            "base_unit",
            _S,
            "Unit without the multiplier (元, 美元, 张, %, 个百分点); currencies kept apart, each under one "
            "name (美金 -> 美元, 人民币 -> 元: data/indicators/currencies.csv); "
            "'' for a bare number.",
        ),
        (
            "qualifier",
            _S,
            "exact, more_than (超/逾/多/余), at_least (以上/不少于), nearly (近/接近), "
            "about (约/左右), at_most (最多/不超过).",
        ),
        (
            "kind",
            _S,
            "level, change_pct (增长15%), change_pp (提高1.2个百分点), change_abs (比上年末减少3.9万人: "
            "a change in the level's unit), multiple (是上年的2.5倍: times a base), share_pct (占…比重), rate (每周9班), target (计划增加到).",
        ),
        (
            "target_kind",
            _S,
            "For a target, what it measures if achieved (level, change_pct, share_pct ...); for a change in points "
            "(change_pp), what changed: growth (a growth rate: 增速比上年加快0.6个百分点) or share (a share or rate: "
            "比重提高0.4个百分点); '' otherwise.",
        ),
        (
            "direction",
            _S,
            "For a change (and a target of one): down when the text says it fell (下降, 减少, 回落 …), up when it "
            "rose; '' for other kinds. The value stays as written (下降3.0% is 3.0), so charts sign it from this.",
        ),
        ("indicator", _S, "What the number measures, a short phrase from the sentence (技术合同额, 智算卡)."),
        (
            "indicator_id",
            _S,
            "The standard indicator it is a value of (data/indicators/indicators.csv: gdp, retail_sales ...); "
            "'' for figures that are no standard indicator (most one-off counts).",
        ),
        ("indicator_name", _S, "The vocabulary's Chinese name of `indicator_id` (地区生产总值); '' when none."),
        (
            "category",
            _S,
            "Comparable group: the vocabulary's category when `indicator_id` is set (economy, industry, "
            "investment, consumption, trade, fiscal, income, population, rd ...), else growth, "
            "money, firms, trade, compute, rd, energy, economy, other.",
        ),
        (
            "scope",
            _S,
            "What the figure is about: region (the whole of `region`), part (a zone, park or district of it), "
            "organisation (a company, university, lab), group (several regions: 三地, 京津冀) or nation "
            "(全国, a peer set such as 国家中心城市). Region comparisons use scope = region only.",
        ),
        ("subject", _S, "The part, organisation or group named (天开高教科创园, 海河实验室, 三地); '' for region."),
        (
            "period",
            _S,
            "Period the figure covers: 2023, 2023-12 (a year-end stock), 2024-Q1, 2022-H1, "
            "2021-01..2021-08, since-2014, 每年; one spelling per period (1-6月 and 上半年 are 2022-H1, 1-9月 is "
            "2022-Q1-Q3, 1-12月 the year). From the sentence (a comparison base such as 比上年 is "
            "not it), else the paragraph, else a periodic report's year (2024年…统计公报); '' when none.",
        ),
        (
            "basis",
            _S,
            "'' for the period's own figure (year on year for a growth); cumulative (累计, 自2014年以来, 比2012年), "
            "average_annual (年均), sequential (环比, 比上月, 按季: against the period just before) or versus (a gap "
            "in points to another area or measure: 高于全省1.1个百分点, 快于城镇居民增速1.8个百分点; never compared).",
        ),
        (
            "mention_of",
            _S,
            "fact_id of the first mention when the same number about the same thing is said "
            "again; '' on first mentions. Charts count only rows where it is ''.",
        ),
    ],
    "events": EVENTS_COLUMNS,
    "entities": ENTITIES_COLUMNS,
    "keywords": KEYWORDS_COLUMNS,
    "links": LINKS_COLUMNS,
}


def schema(table: str) -> pa.Schema:
    """The pyarrow schema of a table, with the schema version in its metadata."""
    fields = [pa.field(name, typ) for name, typ, _ in COLUMNS[table]]
    return pa.schema(fields, metadata={"schema_version": SCHEMA_VERSION, "table": table})


def markdown() -> str:
    """The schema section of the README."""
    out = []
    for table, cols in COLUMNS.items():
        out.append(f"#### `{table}.parquet`\n\n| column | type | meaning |\n|---|---|---|")
        out += [f"| `{name}` | {typ} | {doc} |" for name, typ, doc in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
