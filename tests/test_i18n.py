"""Every dashboard label exists in Chinese and English with the same placeholders, and every code
the tables use (kinds, scopes, bases, the vocabulary's categories) has a name in both."""

from __future__ import annotations

import string

import pytest

from lib.dashboard import i18n
from lib.extract.indicators import vocabulary


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Phrased differently on purpose: 等4地 counts all regions, "and 2 more" the ones left out.
DIFFERENT_PLACEHOLDERS = {"and_more"}


@pytest.mark.parametrize("key", i18n.keys())
def test_label_in_both_languages_with_the_same_placeholders(key):
    zh, en = i18n._LABELS[key]
    assert zh.strip() and en.strip()
    if key not in DIFFERENT_PLACEHOLDERS:
        assert placeholders(zh) == placeholders(en)


@pytest.mark.parametrize("group", ["category", "kind", "scope", "basis", "qualifier"])
def test_codes_have_names_in_both_languages(group):
    for zh, en in i18n._GROUPS[group].values():
        assert zh and en


def test_every_vocabulary_category_and_scope_is_named():
    for ind in vocabulary().values():
        assert ind.category in i18n.CATEGORIES, ind.id
    for scope in ("region", "sector", "part", "organisation", "group", "nation"):
        assert scope in i18n.SCOPE_NAMES
