"""Which figures may stand side by side: standard indicators (data/indicators/indicators.csv) of
whole regions, one kind, one period, one basis (pure: DataFrames in, DataFrames and lists out).

A comparison is a ``View``: indicator_id, kind (with ``target_kind`` for targets), period and basis.
Only first mentions (``mention_of == ''``) whose ``scope`` is ``region`` are drawn; every other
figure of the indicator (a district's, a company's, 京津冀's, the nation's, another kind) is
context. When one region has the same figure twice (a communiqué and a newspaper), the official
one is drawn (a source naming a 统计局), else the latest published; the others are listed.

Input: ``views.facts_with_articles`` rows (facts plus their article's title, source, published).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.dashboard.charts.common import display_units, value_label
from lib.dashboard.i18n import DEFAULT_LANG, kind_text, label, region_name, t
from lib.dashboard.periods import period_key, period_label, period_shape
from lib.extract.indicators import Indicator, vocabulary

# Columns of the facts contract a store built before them lacks: read as "no standard indicator".
CONTRACT_COLUMNS = ("indicator_id", "indicator_name", "scope", "subject", "basis", "target_kind")
WHOLE_REGION = "region"
OFFICIAL_MARK = "统计局"  # a statistical bureau's communiqué is the reference for its own figures
FIRST_ON_TIES = "gdp"
GAP_BASIS = "versus"  # facts.basis of a gap to another area or measure  # the indicator a page starts on when several are equally shared
ROW_COLUMNS = [
    "fact_id", "region", "indicator_id", "indicator_name", "kind", "target_kind", "period", "basis",
    "scope", "subject", "display_value", "display_unit", "label", "qualifier", "raw", "sentence",
    "sentence_marked", "title", "source", "published", "article_region",
]  # fmt: skip
# Overview headline indicators: (vocabulary id, kind), in the order a statistical communiqué gives them.
HEADLINES = [
    ("gdp", "level"),
    ("gdp", "change_pct"),
    ("industry_above_size", "change_pct"),
    ("fixed_asset_investment", "change_pct"),
    ("retail_sales", "level"),
    ("trade_total", "level"),
    ("budget_revenue", "level"),
    ("resident_population", "level"),
]


@dataclass(frozen=True)
class View:
    """One comparable set: every drawn figure agrees on all four."""

    indicator_id: str
    kind: str
    target_kind: str = ""
    period: str = ""
    basis: str = ""
    unit: str = ""  # the display unit drawn when the figures come in several ('': the one most regions use)


_TEXT_COLUMNS = ("period", "mention_of", "source", "published", "title", "article_region", "sentence_marked")


def with_contract(facts: pd.DataFrame) -> pd.DataFrame:
    """``facts`` with every contract column (missing ones as ''), text columns without nulls.
    A frame that already is so comes back as it is (callers only filter it): the cached store's
    facts are made so once per build, and a copy per call cost 0.05 s at 100,000 facts."""
    cols = (*CONTRACT_COLUMNS, *_TEXT_COLUMNS)
    if all(c in facts.columns for c in cols) and not facts[list(cols)].isna().any().any():
        return facts
    out = facts.copy()
    for col in CONTRACT_COLUMNS:
        out[col] = out[col].fillna("") if col in out.columns else ""
    for col in _TEXT_COLUMNS:
        if col not in out.columns:
            out[col] = out["sentence"] if col == "sentence_marked" else ""
        out[col] = out[col].fillna("")
    return out


def whole_region(facts: pd.DataFrame, regions: list[str]) -> pd.DataFrame:
    """First mentions of a standard indicator about a selected region as a whole."""
    f = with_contract(facts)
    keep = (f["mention_of"] == "") & (f["scope"] == WHOLE_REGION) & (f["indicator_id"] != "")
    # A gap to another area or measure (高于全省1.1个百分点) is set against a different base in each text: context only.
    keep &= f["basis"] != GAP_BASIS
    return f[keep & f["region"].isin(regions)]


def indicator_name(indicator_id: str, lang: str = DEFAULT_LANG) -> str:
    ind = vocabulary().get(indicator_id)
    if ind is None:
        return indicator_id
    return ind.name_zh if lang == "zh" else ind.name_en


def indicator_options(facts: pd.DataFrame, regions: list[str]) -> list[tuple[str, int]]:
    """(indicator_id, regions reporting it), most regions first; ties: GDP, then vocabulary order."""
    rows = whole_region(facts, regions)
    counts = rows.groupby("indicator_id")["region"].nunique()
    order = {k: i for i, k in enumerate(vocabulary())}
    ranked = sorted(
        counts.items(), key=lambda kv: (-kv[1], kv[0] != FIRST_ON_TIES, order.get(kv[0], len(order)), kv[0])
    )
    return [(k, int(n)) for k, n in ranked]


def indicator_option_label(indicator_id: str, n: int, total: int, lang: str = DEFAULT_LANG) -> str:
    return t("indicator_option", lang, name=indicator_name(indicator_id, lang), n=n, total=total)


def kind_options(facts: pd.DataFrame, regions: list[str], indicator_id: str) -> list[tuple[str, str]]:
    """(kind, target_kind) pairs of an indicator, those most regions report first; targets last."""
    rows = whole_region(facts, regions)
    rows = rows[rows["indicator_id"] == indicator_id]
    if rows.empty:
        return []
    counts = rows.groupby(["kind", "target_kind"])["region"].nunique()
    kinds = ["level", "change_pct", "share_pct", "change_pp", "change_abs", "rate", "multiple"]
    ranked = sorted(
        counts.items(),
        key=lambda kv: (kv[0][0] == "target", -kv[1], kinds.index(kv[0][0]) if kv[0][0] in kinds else 99),
    )
    return [k for k, _ in ranked]


def kind_label(kind: str, target_kind: str = "", lang: str = DEFAULT_LANG) -> str:
    return kind_text(kind, target_kind, lang)


def period_options(
    facts: pd.DataFrame, regions: list[str], indicator_id: str, kind: tuple[str, str]
) -> list[tuple[str, str]]:
    """(period, basis) pairs of an indicator and kind: most regions first, then the latest."""
    rows = _of(whole_region(facts, regions), indicator_id, kind)
    if rows.empty:
        return []
    counts = rows.groupby(["period", "basis"])["region"].nunique()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1] != "", _neg(period_key(kv[0][0]))))
    return [k for k, _ in ranked]


def _neg(key: tuple[int, int]) -> tuple[int, int]:
    return (-key[0], -key[1])


def _of(rows: pd.DataFrame, indicator_id: str, kind: tuple[str, str]) -> pd.DataFrame:
    return rows[(rows["indicator_id"] == indicator_id) & (rows["kind"] == kind[0]) & (rows["target_kind"] == kind[1])]


def default_view(facts: pd.DataFrame, regions: list[str]) -> View | None:
    """The view the selected regions share most: first indicator, its first kind and period."""
    options = indicator_options(facts, regions)
    if not options:
        return None
    ind = options[0][0]
    kind = kind_options(facts, regions, ind)[0]
    period, basis = period_options(facts, regions, ind, kind)[0]
    return View(ind, kind[0], kind[1], period, basis)


def _prefer(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered so the first per region is the one to draw: official, latest published, first."""
    official = rows["source"].str.contains(OFFICIAL_MARK, regex=False)
    return (
        rows.assign(_official=official, _pub=rows["published"])
        .sort_values(["_official", "_pub", "fact_id"], ascending=[False, False, True], kind="stable")
        .drop(columns=["_official", "_pub"])
    )


def _decorate(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = display_units(rows)
    pct = out["display_unit"].isin(["%", "个百分点"])
    out["label"] = [
        value_label(v, q) + (u if p else "")
        for v, q, u, p in zip(out["display_value"], out["qualifier"], out["display_unit"], pct, strict=True)
    ]
    out["indicator_name"] = [indicator_name(i, lang) for i in out["indicator_id"]]
    return out


def _ranked_units(rows: pd.DataFrame) -> list[str]:
    """Display units of decorated rows, the one most regions use first (ties: by name)."""
    counts = rows.groupby("display_unit")["region"].nunique()
    return list(counts.sort_values(ascending=False, kind="stable").index)


def _in_unit(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The rows in ``unit`` when they have it, else in the unit most regions use: one axis, one unit."""
    units = _ranked_units(rows)
    return rows[rows["display_unit"] == (unit if unit in units else units[0])]


def _view_period_rows(facts: pd.DataFrame, regions: list[str], view: View) -> pd.DataFrame:
    rows = _of(whole_region(facts, regions), view.indicator_id, (view.kind, view.target_kind))
    return rows[(rows["period"] == view.period) & (rows["basis"] == view.basis)]


def unit_options(facts: pd.DataFrame, regions: list[str], view: View) -> list[str]:
    """The display units the view's figures come in (技术合同 in 项 and 份, 旅客 in 万人次 and 万人), the
    one most regions use first; one unit is drawn at a time, so with two or more a user picks."""
    rows = _view_period_rows(facts, regions, view)
    return _ranked_units(display_units(rows)) if len(rows) else []


def view_rows(facts: pd.DataFrame, regions: list[str], view: View, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """Every whole-region first mention of ``view`` in the selected regions, with ``drawn``: True on
    the one figure per region that is drawn. Figures in another unit than ``view.unit`` (else the one
    most regions use) are dropped here (they appear as context): one axis, one unit."""
    rows = _view_period_rows(facts, regions, view)
    if rows.empty:
        return pd.DataFrame(columns=[*ROW_COLUMNS, "drawn"])
    rows = _prefer(_in_unit(_decorate(rows, lang), view.unit))
    rows["drawn"] = ~rows.duplicated("region", keep="first")
    order = {r: i for i, r in enumerate(regions)}
    rows = rows.sort_values("region", key=lambda s: s.map(order), kind="stable")
    return rows[[*ROW_COLUMNS, "drawn"]].reset_index(drop=True)


def drawn(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["drawn"].astype(bool)].drop(columns=["drawn"]).reset_index(drop=True)


def others(rows: pd.DataFrame) -> pd.DataFrame:
    """Figures that agree with a drawn one on everything but were not drawn (another source)."""
    return rows[~rows["drawn"].astype(bool)].drop(columns=["drawn"]).reset_index(drop=True)


def missing_regions(rows: pd.DataFrame, regions: list[str]) -> list[str]:
    have = set(rows["region"])
    return [r for r in regions if r not in have]


def elsewhere(facts: pd.DataFrame, regions: list[str], view: View, missing: list[str]) -> dict[str, tuple[str, str]]:
    """For a region the view has no figure of: what it does report of the same indicator and kind, so "no figure"
    is never said of a region that has one in another unit (技术合同 in 份, not 项) or of another period:
    region -> ("unit", the unit) or ("period", the latest period with its basis, as ``period_label`` takes it)."""
    rows = _of(whole_region(facts, missing), view.indicator_id, (view.kind, view.target_kind))
    out: dict[str, tuple[str, str]] = {}
    if rows.empty:
        return out
    same = rows[(rows["period"] == view.period) & (rows["basis"] == view.basis)]
    if len(same):
        for region, unit in display_units(same).groupby("region")["display_unit"].first().items():
            out[region] = ("unit", unit)
    for region, grp in rows[~rows["region"].isin(out)].groupby("region"):
        latest = grp.assign(_k=grp["period"].map(period_key)).sort_values("_k").iloc[-1]
        out[region] = ("period", f"{latest['period']}\t{latest['basis']}")
    return {r: out[r] for r in missing if r in out}


def period_series(facts: pd.DataFrame, regions: list[str], view: View, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """The view's figure for every period of the same granularity and basis (one per region and
    period, preferred as in ``view_rows``); empty unless at least two periods have one."""
    rows = _of(whole_region(facts, regions), view.indicator_id, (view.kind, view.target_kind))
    shape = period_shape(view.period)
    rows = rows[(rows["basis"] == view.basis) & (rows["period"].map(period_shape) == shape) & (rows["period"] != "")]
    if rows["period"].nunique() < 2:
        return pd.DataFrame(columns=ROW_COLUMNS)
    rows = _prefer(_in_unit(_decorate(rows, lang), view.unit)).drop_duplicates(["region", "period"], keep="first")
    rows = rows.assign(_key=rows["period"].map(period_key)).sort_values(["region", "_key"], kind="stable")
    return rows[ROW_COLUMNS].reset_index(drop=True)


def context_rows(
    facts: pd.DataFrame, regions: list[str], indicator_id: str, exclude: list[str], lang: str = DEFAULT_LANG
) -> pd.DataFrame:
    """Every other first mention of the indicator about, or from an article about, a selected
    region: parts, organisations, groups, the nation, other kinds, periods and units."""
    f = with_contract(facts)
    keep = (f["mention_of"] == "") & (f["indicator_id"] == indicator_id) & ~f["fact_id"].isin(exclude)
    keep &= f["region"].isin(regions) | f["article_region"].isin(regions)
    rows = f[keep]
    if rows.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    rows = _decorate(rows, lang)
    scope_order = {s: i for i, s in enumerate(SCOPES)}
    rows = rows.assign(_s=rows["scope"].map(lambda s: scope_order.get(s, len(SCOPES))))
    rows = rows.sort_values(["_s", "region", "kind"], kind="stable")
    return rows[ROW_COLUMNS].reset_index(drop=True)


# Context cards: first what no picker reaches (parts, sectors, organisations, groups, the nation).
SCOPES = ["part", "sector", "organisation", "group", "nation", "region"]


def scope_label(scope: str, subject: str = "", lang: str = DEFAULT_LANG) -> str:
    name = label("scope", scope, lang) if scope else t("scope_unknown", lang)
    return f"{name}：{subject}" if subject and lang == "zh" else f"{name}: {subject}" if subject else name


# --- Overview headline cards --------------------------------------------------------------------


def headline_figures(facts: pd.DataFrame, region: str, lang: str = DEFAULT_LANG) -> list[dict]:
    """One entry per HEADLINES indicator: its latest whole-region figure of the period's own
    basis (the official one when two agree), or ``row`` None when the region has none."""
    return headline_table(facts, [region], lang)[region]


def headline_table(facts: pd.DataFrame, regions: list[str], lang: str = DEFAULT_LANG) -> dict[str, list[dict]]:
    """``headline_figures`` of every region in ``regions``, from one pass over ``facts`` (a pass per
    region took 0.04 s at 100,000 facts, 0.46 s for 11 regions)."""
    rows = whole_region(facts, regions)
    rows = rows[(rows["basis"] == "") & rows["indicator_id"].isin({ind for ind, _ in HEADLINES})]
    # 社会消费品零售总额 无数据 for a region that gives only its growth: the card says which kinds it has
    other_kinds = {
        key: sorted(set(grp["kind"]) - {"target"}) for key, grp in rows.groupby(["region", "indicator_id"])
    } if len(rows) else {}  # fmt: skip
    wanted = set(HEADLINES)
    rows = rows[[(i, k) in wanted for i, k in zip(rows["indicator_id"], rows["kind"], strict=True)]]
    groups = dict(iter(_decorate(rows, lang).groupby(["region", "indicator_id", "kind"]))) if len(rows) else {}
    out = {}
    for region in regions:
        figures = []
        for ind, kind in HEADLINES:
            mine, row = groups.get((region, ind, kind)), None
            if mine is not None:
                latest = max(mine["period"], key=period_key)
                row = _prefer(mine[mine["period"] == latest]).iloc[0].to_dict()
            figures.append({"indicator_id": ind, "kind": kind, "name": headline_name(ind, kind, lang), "row": row,
                            "other_kinds": [] if row is not None else other_kinds.get((region, ind), [])})
        out[region] = figures
    return out


NOTE_INDICATORS = 5  # standard indicators named in the no-headline note


def no_headlines_note(facts: pd.DataFrame, region: str, lang: str = DEFAULT_LANG) -> str:
    """One plain sentence for a region whose headline card would show only 无数据: the store has no
    figure of these indicators for it; how many other figures it has and of which standard indicators
    (any scope, repeated mentions included), so the visitor knows where to look."""
    f = with_contract(facts)
    mine = f[f["region"] == region]
    name = region_name(region, lang)
    n = int((mine["mention_of"] == "").sum())
    if not n:
        return t("no_headlines_none", lang, region=name)
    ids = [i for i in dict.fromkeys(mine["indicator_id"]) if i]
    names = ("、" if lang == "zh" else ", ").join(indicator_name(i, lang) for i in ids[:NOTE_INDICATORS])
    if len(ids) > NOTE_INDICATORS:
        names += "……" if lang == "zh" else ", ..."
    if names:
        return t("no_headlines_other", lang, region=name, n=n, indicators=names)
    return t("no_headlines_figures", lang, region=name, n=n)


def headline_name(indicator_id: str, kind: str, lang: str = DEFAULT_LANG) -> str:
    name = indicator_name(indicator_id, lang)
    if kind == "level":
        return name
    # English names are long and a card cuts its label: the kind goes first so that it is never the part cut off
    return f"{name} · {label('kind', kind, lang)}" if lang == "zh" else f"{label('kind', kind, lang)} · {name}"


# --- Indicators page ----------------------------------------------------------------------------

VOCABULARY_COLUMNS = ["id", "name_zh", "name_en", "n_facts", "n_regions", "category", "unit_family", "parent",
                      "kinds", "synonyms"]  # fmt: skip
FIGURE_COLUMNS = ["region", "kind", "target_kind", "period", "basis", "scope", "subject", "display_value", "display_unit",
                  "qualifier", "raw", "sentence_marked", "title", "source", "published", "fact_id"]  # fmt: skip


def vocabulary_table(facts: pd.DataFrame, entries: dict[str, Indicator] | None = None) -> pd.DataFrame:
    """The vocabulary with, for each indicator, its first-mention facts and regions in ``facts``."""
    f = with_contract(facts)
    f = f[(f["mention_of"] == "") & (f["indicator_id"] != "")]
    n_facts = f.groupby("indicator_id").size()
    n_regions = f.groupby("indicator_id")["region"].nunique()
    rows = [
        {
            "id": ind.id,
            "name_zh": ind.name_zh,
            "name_en": ind.name_en,
            "synonyms": "、".join(ind.names[1:]),
            "unit_family": ind.unit_family,
            "category": ind.category,
            "parent": ind.parent,
            "kinds": "、".join(sorted(ind.kinds)),
            "n_facts": int(n_facts.get(ind.id, 0)),
            "n_regions": int(n_regions.get(ind.id, 0)),
        }
        for ind in (entries or vocabulary()).values()
    ]
    return pd.DataFrame(rows, columns=VOCABULARY_COLUMNS)


def vocabulary_shown(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """``vocabulary_table`` in words: the parent by its name, kinds, category and unit family as labels
    (the English page showed ``money``, ``gdp`` and ``level|change_pct``)."""
    names = dict(zip(table["id"], table["name_zh" if lang == "zh" else "name_en"], strict=True))
    return table.assign(
        category=[label("category", c, lang) for c in table["category"]],
        unit_family=[label("unit_family", u, lang) for u in table["unit_family"]],
        parent=[names.get(p, p) for p in table["parent"]],
        kinds=[("、" if lang == "zh" else ", ").join(label("kind", k, lang) for k in ks.split("、") if k) for ks in table["kinds"]],
    )


def indicator_figures(facts: pd.DataFrame, indicator_id: str, regions: list[str] | None = None) -> pd.DataFrame:
    """The first-mention figures behind one indicator (of the given regions, or of all)."""
    f = with_contract(facts)
    rows = f[(f["mention_of"] == "") & (f["indicator_id"] == indicator_id)]
    if regions is not None:
        rows = rows[rows["region"].isin(regions) | rows["article_region"].isin(regions)]
    rows = display_units(rows)
    rows = rows.assign(_key=rows["period"].map(period_key)).sort_values(["region", "_key"], kind="stable")
    return rows[FIGURE_COLUMNS].reset_index(drop=True)


TABLE_COLUMNS = ["region", "indicator_name", "kind", "period", "basis", "scope", "subject", "display_value",
                 "display_unit", "qualifier", "raw", "sentence_marked", "title", "source", "published"]  # fmt: skip


def display_table(rows: pd.DataFrame, lang: str = DEFAULT_LANG, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows for a table: codes in words (kind with its target kind, scope, basis, qualifier, period)."""
    columns = columns or TABLE_COLUMNS
    out = rows.copy()
    for col in [*columns, "target_kind", "kind", "period", "scope", "basis", "qualifier"]:
        if col not in out.columns:
            out[col] = ""
    out["kind"] = [kind_label(k, tk, lang) for k, tk in zip(out["kind"], out["target_kind"], strict=True)]
    out["period"] = [period_label(p, "", lang) for p in out["period"]]
    out["scope"] = [label("scope", s, lang) for s in out["scope"]]
    out["basis"] = [label("basis", b, lang) for b in out["basis"]]
    out["qualifier"] = [label("qualifier", q, lang) for q in out["qualifier"]]
    return out[columns].reset_index(drop=True)
