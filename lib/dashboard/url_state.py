"""The view in the URL: every choice that changes what a page shows is read from and written to the
query string, so a copied link opens the same view in a fresh browser.

A page calls ``bind(name, key, codec, default)`` just before it draws the widget with ``key`` (and
passes the widget no ``value``/``default`` of its own). ``bind`` gives the widget its value:

1. the value the widget already has in this session (the user's last choice), if still valid;
2. on a widget's first run in a session: the URL's ``?name=``, if valid for ``codec``;
3. the value it had when this page was last shown (page switches drop the query string);
4. ``default``.

and writes the value back to ``st.query_params[name]``. Values the URL asks for that are not offered
are ignored, with a notice that shows the parameter as plain text (``st.text``): URL parameters are
data, never Markdown or HTML.

The region filter has its own pair, ``bind_regions``: ``region=all`` means every region, including
regions added to the store later; an explicit list (``region=天津,上饶``) stays that list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from lib.dashboard.i18n import DEFAULT_LANG, LANG_KEY, t

ALL = "all"  # region=all: every region of the store, now and later
LIST_SEP = ","
_SEPARATORS = re.compile(r"[,，、;；]")  # accepted when reading a list: people type them
MAX_SHOWN = 80  # characters of an ignored value shown in a notice
MAX_TEXT = 200  # longest free text (search) taken from a URL

PAGE_KEY = "_url_page"  # the page of the last run
KEPT_KEY = "_url_kept"  # widget key -> value when its page was last shown
NOTICES_KEY = "_url_notices"  # parameter -> (message, widget key, value the notice is about)
REGION_KEY = "regions"  # the sidebar multiselect (app.py); pages read the selection from here
ALL_REGIONS_KEY = "regions_all"  # the sidebar "all regions" checkbox
# The mode again, outside any widget: Streamlit drops a widget's state when a run ends without drawing it
# (a run cut short by a rerun), and "all" mode must survive that, or a rebuild would freeze it into a list.
ALL_MODE_KEY = "_regions_all_mode"
REGION_PARAM = "region"
LANG_PARAM = "lang"


# --- codecs: how one parameter is read (validated) and written ------------------------------------


@dataclass(frozen=True)
class Parsed:
    value: object = None  # None: nothing usable
    ignored: str = ""  # the part of the URL's value that was not used, for the notice


@dataclass(frozen=True)
class Choice:
    """One of ``options`` (codes, never labels)."""

    options: Sequence[str]

    def parse(self, raw: str) -> Parsed:
        return Parsed(raw) if raw in self.options else Parsed(None, raw)

    def valid(self, value: object) -> bool:
        return value in self.options

    def encode(self, value: object) -> str:
        return str(value)


@dataclass(frozen=True)
class Choices:
    """Any number of ``options``; written comma-separated, '' for none. Unknown items are dropped."""

    options: Sequence[str]

    def parse(self, raw: str) -> Parsed:
        tokens = [x.strip() for x in _SEPARATORS.split(raw) if x.strip()]
        known = list(dict.fromkeys(x for x in tokens if x in self.options))
        unknown = [x for x in tokens if x not in self.options]
        return Parsed(known, LIST_SEP.join(unknown))

    def valid(self, value: object) -> bool:
        return isinstance(value, list) and all(v in self.options for v in value)

    def encode(self, value: object) -> str:
        return LIST_SEP.join(value)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Flag:
    """On or off: ``1`` / ``0`` (``true``/``false`` are read too)."""

    def parse(self, raw: str) -> Parsed:
        word = raw.strip().lower()
        if word in ("1", "true", "yes", "on"):
            return Parsed(True)
        if word in ("0", "false", "no", "off"):
            return Parsed(False)
        return Parsed(None, raw)

    def valid(self, value: object) -> bool:
        return isinstance(value, bool)

    def encode(self, value: object) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Number:
    """A whole number from ``low`` to ``high``."""

    low: int
    high: int

    def parse(self, raw: str) -> Parsed:
        if raw.strip().isdigit() and self.low <= int(raw) <= self.high:
            return Parsed(int(raw))
        return Parsed(None, raw)

    def valid(self, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and self.low <= value <= self.high

    def encode(self, value: object) -> str:
        return str(value)


@dataclass(frozen=True)
class Text:
    """Free text (a search); longer than ``MAX_TEXT`` characters is ignored."""

    def parse(self, raw: str) -> Parsed:
        return Parsed(raw) if len(raw) <= MAX_TEXT else Parsed(None, raw)

    def valid(self, value: object) -> bool:
        return isinstance(value, str)

    def encode(self, value: object) -> str:
        return str(value)


Codec = Choice | Choices | Flag | Number | Text


# --- binding widgets ----------------------------------------------------------------------------------


def _lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANG)


def bind(name: str, key: str, codec: Codec, default: object) -> object:
    """Give the widget ``key`` its value (see the module docstring), mirror it to ``?name=``; returns it.

    Call it just before the widget is drawn."""
    state = st.session_state
    kept = state.setdefault(KEPT_KEY, {})
    if key in state and codec.valid(state[key]):
        value = state[key]
    else:
        value = None
        if key not in state and name in st.query_params:
            raw = st.query_params[name]
            parsed = codec.parse(raw)
            value = parsed.value
            if parsed.ignored:
                _remember_notice(name, parsed.ignored, key, value if value is not None else default)
        if value is None:
            value = kept[key] if key in kept and codec.valid(kept[key]) else default
        state[key] = value
    kept[key] = value
    st.query_params[name] = codec.encode(value)
    _show_notice(name, key)
    return value


def _remember_notice(name: str, ignored: str, key: str, value: object) -> None:
    shown = ignored if len(ignored) <= MAX_SHOWN else ignored[:MAX_SHOWN] + "…"
    st.session_state.setdefault(NOTICES_KEY, {})[name] = (shown, key, value)


def _show_notice(name: str, key: str) -> None:
    """The notice about ``?name=`` stays until the user changes that widget."""
    notices = st.session_state.get(NOTICES_KEY, {})
    if name not in notices:
        return
    shown, notice_key, value = notices[name]
    if st.session_state.get(notice_key) != value:
        del notices[name]
        return
    with st.container(border=True, key=f"url_notice_{name}"):
        st.text(t("url_ignored", _lang(), name=name, value=shown))  # text: the value comes from the URL


def notices() -> dict[str, str]:
    """Parameter -> ignored value of the notices still shown (for tests and callers)."""
    return {name: shown for name, (shown, _, _) in st.session_state.get(NOTICES_KEY, {}).items()}


def language_changed() -> None:
    """on_change of the language switch. A keyed widget keeps showing the labels it was drawn with
    when only its format_func changes; assigning each value again makes the browser redraw them."""
    state = st.session_state
    for key in [REGION_KEY, *state.get(KEPT_KEY, {})]:
        if key in state:
            state[key] = state[key]


def start_page(url_path: str, shared: Sequence[str] = (REGION_PARAM, LANG_PARAM)) -> None:
    """Before a page runs: on a switch to another page, drop the previous page's parameters (the
    browser does; this makes every client agree), so a page never reads another's ``?kind=``."""
    previous = st.session_state.get(PAGE_KEY)
    st.session_state[PAGE_KEY] = url_path
    if previous is not None and previous != url_path:
        for name in [n for n in st.query_params if n not in shared]:
            del st.query_params[name]
        st.session_state.pop(NOTICES_KEY, None)  # notices are about the link that opened the page


# --- the region filter --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionParam:
    all: bool  # every region, now and later
    selected: list[str]
    ignored: str = ""


def parse_regions(raw: str | None, options: Sequence[str], english: Callable[[str], str] | None = None) -> RegionParam:
    """What ``?region=`` asks for.

    Absent or ``all``: every region. ``''``: none. Otherwise a list split on , ， 、 ; whose tokens match
    a region exactly, by its English name (any case), or by a unique prefix (天津 -> 天津市). Unknown
    tokens are ignored and returned; when none is known at all, every region is selected."""
    if raw is None or raw.strip().lower() == ALL:
        return RegionParam(True, list(options))
    by_english = {english(o).lower(): o for o in options} if english else {}
    selected: list[str] = []
    unknown: list[str] = []
    for token in (x.strip() for x in _SEPARATORS.split(raw)):
        if not token:
            continue
        match = token if token in options else by_english.get(token.lower())
        if match is None:
            prefixed = [o for o in options if o.startswith(token)]
            match = prefixed[0] if len(prefixed) == 1 else None
        if match is None:
            unknown.append(token)
        elif match not in selected:
            selected.append(match)
    if unknown and not selected:
        return RegionParam(True, list(options), LIST_SEP.join(unknown))
    return RegionParam(False, selected, LIST_SEP.join(unknown))


def region_value(all_regions: bool, selected: Sequence[str]) -> str:
    """The URL value of the filter: ``all`` or the explicit list ('' for none)."""
    return ALL if all_regions else LIST_SEP.join(selected)


def bind_regions(options: Sequence[str], english: Callable[[str], str] | None = None) -> None:
    """Before app.py draws the "all regions" checkbox and the region multiselect: their values from
    the session, else from ``?region=``; in "all" mode the selection is every region of the store
    (so regions added later are in it); regions a rebuilt store no longer has are dropped."""
    state = st.session_state
    if REGION_KEY not in state:
        parsed = parse_regions(st.query_params.get(REGION_PARAM), options, english)
        state[ALL_REGIONS_KEY] = state[ALL_MODE_KEY] = parsed.all
        state[REGION_KEY] = parsed.selected
        if parsed.ignored:
            _remember_notice(REGION_PARAM, parsed.ignored, REGION_KEY, parsed.selected)
    if ALL_REGIONS_KEY not in state:
        state[ALL_REGIONS_KEY] = state.get(ALL_MODE_KEY, False)
    state[ALL_MODE_KEY] = state[ALL_REGIONS_KEY]
    if state[ALL_REGIONS_KEY]:
        if state[REGION_KEY] != list(options):
            state[REGION_KEY] = list(options)
    else:
        kept = [r for r in state[REGION_KEY] if r in options]
        if kept != state[REGION_KEY]:
            state[REGION_KEY] = kept
    st.query_params[REGION_PARAM] = region_value(state[ALL_REGIONS_KEY], state[REGION_KEY])
    _show_notice(REGION_PARAM, REGION_KEY)


def all_regions_toggled(options: Sequence[str]) -> None:
    """on_change of the checkbox: on selects every region; off keeps them as an explicit list."""
    if st.session_state.get(ALL_REGIONS_KEY):
        st.session_state[REGION_KEY] = list(options)


def regions_changed(options: Sequence[str]) -> None:
    """on_change of the multiselect: a selection that is not every region leaves "all" mode."""
    if set(st.session_state.get(REGION_KEY, [])) != set(options):
        st.session_state[ALL_REGIONS_KEY] = False


def all_regions() -> bool:
    return bool(st.session_state.get(ALL_REGIONS_KEY, False))
