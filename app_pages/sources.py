"""数据来源 Sources: the articles in the store and their input files; add articles by upload or paste.

All logic lives in ``lib.dashboard.sources``. User content (file names, titles, messages about files) is
shown only in dataframes, never as Markdown or HTML.
"""

import streamlit as st

from lib.dashboard import sources, ui, url_state
from lib.dashboard import views as dd
from lib.dashboard.i18n import region_name, t
from lib.ingest import reader

ROUND = "sources_round"  # bumped after a successful add: fresh, empty upload and paste widgets
LAST = "sources_last"  # what the last add did, shown after the rerun

lang = ui.lang()
types = " ".join(sources.ALLOWED_SUFFIXES)
article_columns = {c: t(f"col_{c}", lang) for c in sources.ARTICLE_COLUMNS if c != "input_file"}
article_columns["input_file"] = t("src_col_input_file", lang)


def add(items: list[sources.Item]) -> None:
    """Save and rebuild with a progress bar; on success rerun, so the filter and every page see the new store."""
    regions_before = dd.region_options(dd.load_articles())
    with st.status(t("src_running", lang), expanded=True) as status:
        bar = st.progress(0.0, text=t("src_stage_saving", lang))
        added = sources.add_inputs(
            items,
            sources.raw_dir(),
            dd.processed_dir(),
            lambda stage, fraction: bar.progress(min(fraction, 1.0), text=t(f"src_stage_{stage}", lang)),
        )
        status.update(
            label=t("src_finished_added" if added.created else "src_finished_nothing", lang),
            state="error" if added.errors else "complete",
            expanded=False,
        )
    last = {
        "rows": added.rows,
        "hashes": [s.content_hash for s in added.created],
        "problems": added.result.problems if added.result else [],
        "regions_before": regions_before,
    }
    if not added.created:
        show_outcome(last)  # nothing saved: keep the inputs so the user can fix them
        return
    st.cache_data.clear()  # every cached table and figure came from the old store
    # The filter keeps its choice: in "all regions" mode app.py selects the new regions, otherwise
    # they are offered; show_outcome says which.
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state[LAST] = last
    st.rerun()


def show_outcome(last: dict) -> None:
    failed = [r for r in last["rows"] if r["status"] == sources.STATUS_FAILED]
    if last["hashes"]:
        st.success(t("src_added", lang, n=len(last["hashes"])), icon=":material/check_circle:")
        st.caption(t("src_new_articles", lang))
        new = sources.articles_from(dd.load_articles(), last["hashes"])
        st.dataframe(ui.named(new), hide_index=True, column_config=article_columns)
        regions = sources.new_regions(last.get("regions_before", []), dd.region_options(dd.load_articles()))
        if regions:
            chosen = url_state.all_regions()
            st.info(t("src_new_regions_selected" if chosen else "src_new_regions_offered", lang), icon=":material/map:")
            st.text("、".join(regions) if lang == "zh" else ", ".join(region_name(r, lang) for r in regions))
    if failed:
        st.error(t("src_failed", lang, n=len(failed)), icon=":material/error:")
    elif not last["hashes"]:
        st.info(t("src_nothing_new", lang), icon=":material/info:")
    st.caption(t("src_outcomes", lang))
    st.dataframe(
        sources.outcome_table(last["rows"], lang),
        hide_index=True,
        column_config={c: t(f"src_col_{c}", lang) for c in ("file", "status", "detail")},
    )
    if last["problems"]:
        st.warning(t("src_rebuild_problems", lang), icon=":material/warning:")
        st.dataframe({t("src_col_problem", lang): last["problems"]}, hide_index=True)


st.title(t("src_page_title", lang))
st.caption(
    t("src_caption", lang, raw=sources.raw_folder_label(), types=types, limit=sources.MAX_UPLOAD_LABEL)
)

if last := st.session_state.pop(LAST, None):
    show_outcome(last)


def may_add() -> bool:
    """Read-only dashboards add nothing; with an upload password, only who types it adds."""
    if sources.read_only():
        st.info(t("src_read_only", lang), icon=":material/lock:")
        return False
    expected = sources.upload_password()
    if not expected:
        return True
    given = st.text_input(t("src_password", lang), type="password", key="sources_password")
    if sources.password_ok(given, expected):
        return True
    st.info(t("src_password_wrong" if given else "src_password_needed", lang), icon=":material/lock:")
    return False


def add_section(n: int) -> None:
    upload_tab, paste_tab = st.tabs([t("src_tab_upload", lang), t("src_tab_paste", lang)])
    with upload_tab:
        files = st.file_uploader(
            t("src_uploader", lang, types=types, limit=sources.MAX_UPLOAD_LABEL),
            type=[s.lstrip(".") for s in sources.ALLOWED_SUFFIXES],
            accept_multiple_files=True,
            max_upload_size=sources.MAX_UPLOAD_MB,  # the browser refuses bigger files; the library checks again
            key=f"sources_files_{n}",
        )
        if st.button(t("src_add_files", lang), key="sources_add_files", disabled=not files, type="primary"):
            add([(f.name, f.getvalue(), None) for f in files])
    with paste_tab:
        text = st.text_area(t("src_text", lang), height=200, key=f"sources_text_{n}")
        limits = reader.META_LIMITS
        st.caption(t("src_limits", lang, title=limits["title"], source=limits["source"]))
        c1, c2, c3 = st.columns(3)
        title = c1.text_input(t("src_title", lang), key=f"sources_title_{n}", max_chars=limits["title"])
        source = c2.text_input(t("src_source", lang), key=f"sources_source_{n}", max_chars=limits["source"])
        published = c3.text_input(t("src_date", lang), key=f"sources_date_{n}", placeholder="2024-05-20")
        if st.button(t("src_add_text", lang), key="sources_add_text", type="primary"):
            meta = {"title": title, "source": source, "published": published}
            add([(sources.pasted_name(title), text.encode("utf-8"), meta)])


st.subheader(t("src_add_header", lang))
if may_add():
    add_section(st.session_state.get(ROUND, 0))

if skipped := sources.skipped_inputs(dd.processed_dir()):
    st.warning(t("src_skipped_inputs", lang), icon=":material/warning:")
    st.dataframe(
        {
            t("src_col_file", lang): [r["file"] for r in skipped],
            t("src_col_reason", lang): [r["reason"] for r in skipped],
        },
        hide_index=True,
    )

articles = dd.load_articles()
st.subheader(t("src_articles", lang, n=len(articles)))
if articles.empty:
    st.info(t("empty_store", lang), icon=":material/inbox:")
else:
    st.dataframe(ui.named(sources.article_list(articles)), hide_index=True, column_config=article_columns)
