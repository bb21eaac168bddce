"""Periods as the facts table writes them (2024, 2024-12, 2024-Q1, 2024-H1, 2024-01..2024-08,
since-2014, ''): their order, their granularity and how they are shown. Pure."""

from __future__ import annotations

import re

from lib.dashboard.i18n import DEFAULT_LANG, t

_YEAR = re.compile(r"^(\d{4})")


def period_key(period: str) -> tuple[int, int]:
    """Sort key: (year, last month covered); '' and open periods (since-2014) first."""
    if not period or not _YEAR.match(period) or period.startswith("since-"):
        return (0, 0)
    year, rest = int(period[:4]), period[4:]
    if not rest:
        return (year, 12)
    quarter = re.fullmatch(r"-Q(\d)", rest)
    if quarter:
        return (year, 3 * int(quarter.group(1)))
    half = re.fullmatch(r"-H(\d)", rest)
    if half:
        return (year, 6 * int(half.group(1)))
    month = re.search(r"-(\d{2})$", period)
    return (year, int(month.group(1)) if month else 12)


def period_shape(period: str) -> str:
    """The granularity of a period, so a line over periods joins like with like (2023 -> 2024,
    1-8月 -> 1-8月), never a year with a quarter."""
    if re.fullmatch(r"\d{4}", period):
        return "year"
    if re.fullmatch(r"\d{4}-Q\d", period):
        return "quarter" + period[-1]
    if re.fullmatch(r"\d{4}-H\d", period):
        return "half" + period[-1]
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return "month" + period[-2:]
    months = re.fullmatch(r"\d{4}-(\d{2})\.\.\d{4}-(\d{2})", period)
    if months:
        return f"months{months.group(1)}-{months.group(2)}"
    return period


def period_label(period: str, basis: str = "", lang: str = DEFAULT_LANG) -> str:
    """The period as shown on a bar, with the basis (累计, 年均) when it is not the period's own figure."""
    text = period or t("period_none", lang)
    if period.startswith("since-"):
        text = t("period_since", lang, year=period[len("since-") :])
    if basis:
        text = f"{text} · {t('basis_' + basis, lang)}"
    return text
