"""数据来源 Sources: the articles in the store and their input files; add articles by upload or paste.

All logic lives in ``lib.dashboard.sources``. User content (file names, titles, messages about files) is
shown only in dataframes, never as Markdown or HTML.
"""

import streamlit as st

from lib.dashboard import sources, ui
from lib.dashboard import views as dd
from lib.dashboard.i18n import t
from lib.dashboard.sources import label
from lib.ingest import reader

ROUND = "sources_round"  # bumped after a successful add: fresh, empty upload and paste widgets
LAST = "sources_last"  # what the last add did, shown after the rerun

lang = ui.lang()
types = " ".join(sources.ALLOWED_SUFFIXES)
article_columns = {c: t(f"col_{c}", lang) for c in sources.ARTICLE_COLUMNS if c != "input_file"}
article_columns["input_file"] = label("col_input_file", lang)


def add(items: list[sources.Item]) -> None:
    """Save and rebuild with a progress bar; on success rerun, so the filter and every page see the new store."""
    with st.status(label("running", lang), expanded=True) as status:
        bar = st.progress(0.0, text=label("stage_saving", lang))
        added = sources.add_inputs(
            items,
            sources.raw_dir(),
            dd.processed_dir(),
            lambda stage, fraction: bar.progress(min(fraction, 1.0), text=label(f"stage_{stage}", lang)),
        )
        status.update(
            label=label("finished_added" if added.created else "finished_nothing", lang),
            state="error" if added.errors else "complete",
            expanded=False,
        )
    last = {
        "rows": added.rows,
        "hashes": [s.content_hash for s in added.created],
        "problems": added.result.problems if added.result else [],
    }
    if not added.created:
        show_outcome(last)  # nothing saved: keep the inputs so the user can fix them
        return
    st.cache_data.clear()  # every cached table and figure came from the old store
    st.session_state.pop(dd.REGION_KEY, None)  # app.py re-seeds the filter, new regions included
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state[LAST] = last
    st.rerun()


def show_outcome(last: dict) -> None:
    failed = [r for r in last["rows"] if r["status"] == sources.STATUS_FAILED]
    if last["hashes"]:
        st.success(label("added", lang, n=len(last["hashes"])), icon=":material/check_circle:")
        st.caption(label("new_articles", lang))
        new = sources.articles_from(dd.load_articles(), last["hashes"])
        st.dataframe(new, hide_index=True, column_config=article_columns)
    if failed:
        st.error(label("failed", lang, n=len(failed)), icon=":material/error:")
    elif not last["hashes"]:
        st.info(label("nothing_new", lang), icon=":material/info:")
    st.caption(label("outcomes", lang))
    st.dataframe(
        sources.outcome_table(last["rows"], lang),
        hide_index=True,
        column_config={c: label(f"col_{c}", lang) for c in ("file", "status", "detail")},
    )
    if last["problems"]:
        st.warning(label("rebuild_problems", lang), icon=":material/warning:")
        st.dataframe({label("col_problem", lang): last["problems"]}, hide_index=True)


st.title(label("page_title", lang))
st.caption(
    label("caption", lang, raw=sources.raw_folder_label(), types=types, limit=sources.MAX_UPLOAD_LABEL)
)

if last := st.session_state.pop(LAST, None):
    show_outcome(last)


def may_add() -> bool:
    """Read-only dashboards add nothing; with an upload password, only who types it adds."""
    if sources.read_only():
        st.info(label("read_only", lang), icon=":material/lock:")
        return False
    expected = sources.upload_password()
    if not expected:
        return True
    given = st.text_input(label("password", lang), type="password", key="sources_password")
    if sources.password_ok(given, expected):
        return True
    st.info(label("password_wrong" if given else "password_needed", lang), icon=":material/lock:")
    return False


def add_section(n: int) -> None:
    upload_tab, paste_tab = st.tabs([label("tab_upload", lang), label("tab_paste", lang)])
    with upload_tab:
        files = st.file_uploader(
            label("uploader", lang, types=types, limit=sources.MAX_UPLOAD_LABEL),
            type=[s.lstrip(".") for s in sources.ALLOWED_SUFFIXES],
            accept_multiple_files=True,
            max_upload_size=sources.MAX_UPLOAD_MB,  # the browser refuses bigger files; the library checks again
            key=f"sources_files_{n}",
        )
        if st.button(label("add_files", lang), key="sources_add_files", disabled=not files, type="primary"):
            add([(f.name, f.getvalue(), None) for f in files])
    with paste_tab:
        text = st.text_area(label("text", lang), height=200, key=f"sources_text_{n}")
        limits = reader.META_LIMITS
        st.caption(label("limits", lang, title=limits["title"], source=limits["source"]))
        c1, c2, c3 = st.columns(3)
        title = c1.text_input(label("title", lang), key=f"sources_title_{n}", max_chars=limits["title"])
        source = c2.text_input(label("source", lang), key=f"sources_source_{n}", max_chars=limits["source"])
        published = c3.text_input(label("date", lang), key=f"sources_date_{n}", placeholder="2024-05-20")
        if st.button(label("add_text", lang), key="sources_add_text", type="primary"):
            meta = {"title": title, "source": source, "published": published}
            add([(sources.pasted_name(title), text.encode("utf-8"), meta)])


st.subheader(label("add_header", lang))
if may_add():
    add_section(st.session_state.get(ROUND, 0))

if skipped := sources.skipped_inputs(dd.processed_dir()):
    st.warning(label("skipped_inputs", lang), icon=":material/warning:")
    st.dataframe(
        {
            label("col_file", lang): [r["file"] for r in skipped],
            label("col_reason", lang): [r["reason"] for r in skipped],
        },
        hide_index=True,
    )

articles = dd.load_articles()
st.subheader(label("articles", lang, n=len(articles)))
if articles.empty:
    st.info(dd.EMPTY_STORE_MESSAGE, icon=":material/inbox:")
else:
    st.dataframe(sources.article_list(articles), hide_index=True, column_config=article_columns)
