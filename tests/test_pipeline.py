"""The CLI end to end: inputs -> tables, bad files reported, stable IDs."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq

from lib import paths, pipeline, store


def _seed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in paths.RAW_DIR.glob("000_*"):
        shutil.copy(f, raw / f.name)
    return raw


def test_seed_builds_articles_table(tmp_path):
    out = tmp_path / "out"
    assert pipeline.main([str(_seed(tmp_path)), "--out", str(out)]) == 0
    df = store.read_table("articles", out)
    assert df["region"].tolist() == ["天津", "郑州", "上饶", "黑龙江"]
    assert set(df["province"]) == {"天津", "河南", "江西", "黑龙江"}
    assert df["source"].str.startswith("科技日报").all()
    assert (df["published"] == "2024-05").all()


def test_rerun_gives_same_tables_and_ids(tmp_path):
    raw = _seed(tmp_path)
    pipeline.main([str(raw), "--out", str(tmp_path / "a")])
    pipeline.main([str(raw), "--out", str(tmp_path / "b")])
    for table in store.tables():
        a = pq.read_table(tmp_path / "a" / "current" / f"{table}.parquet")
        b = pq.read_table(tmp_path / "b" / "current" / f"{table}.parquet")
        assert a.equals(b), table
    assert store.current_manifest(tmp_path / "a")["build_id"] == store.current_manifest(tmp_path / "b")["build_id"]


def test_bad_file_is_reported_and_batch_goes_on(tmp_path, capsys):
    raw = _seed(tmp_path)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    out = tmp_path / "out"
    # Exit 0: one bad file in data/raw must not stop `make run`; it is printed and listed in the manifest.
    assert pipeline.main([str(raw), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "empty.txt" in printed and "blob.txt" in printed
    assert len(store.read_table("articles", out)) == 4
    skipped = {s["file"].rsplit("/", 1)[-1]: s["reason"] for s in store.current_manifest(out)["skipped"]}
    assert set(skipped) == {"empty.txt", "blob.txt"} and all(skipped.values())


def test_same_content_twice_is_stored_once(tmp_path):
    raw = _seed(tmp_path)
    src = next(raw.glob("000_*.txt"))
    (raw / "copy.txt").write_text(src.read_text(encoding="utf-8"), encoding="gb18030")
    out = tmp_path / "out"
    pipeline.main([str(raw), "--out", str(out)])
    assert len(store.read_table("articles", out)) == 4


def test_dev_corpus_builds(tmp_path):
    if not paths.DEV_CORPUS_DIR.exists():
        import pytest

        pytest.skip("../shared/corpus/dev is absent")
    out = tmp_path / "out"
    assert pipeline.main([str(paths.DEV_CORPUS_DIR), "--out", str(out)]) == 0
    df = store.read_table("articles", out)
    assert len(df) == len(list(paths.DEV_CORPUS_DIR.glob("*.txt")))
    assert (df["title"] != "").all() and (df["region"] != "").all()


def test_a_sidecars_title_wins_over_the_layouts_headline():
    # The shipped Tianjin communiqué: line 1 is the title, line 2 the issuing bodies and date, which the
    # layout alone takes for the headline.
    from lib.ingest import reader

    doc = reader.read_document(paths.RAW_DIR / "official" / "tianjin_2024_statistical_communique.txt")
    [article] = pipeline.articles_from_document(doc)
    assert article.title == "2024年天津市国民经济和社会发展统计公报" == doc.title
    assert article.kicker == "" and article.region == "天津"
    assert article.text.startswith("天津市统计局 国家统计局天津调查总队 2025年3月21日\n")
