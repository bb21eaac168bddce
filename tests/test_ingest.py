"""Tests for lib/reader.py: every input file is built here by code; no stored binaries."""

from __future__ import annotations

import codecs
import json
import logging
import random
from pathlib import Path

import pytest

from lib import paths
from lib.ingest import reader
from lib.ingest.reader import IngestError, decode_bytes, html_to_text, load_inputs, read_document

# GBK-encodable on purpose (curly quotes, full-width digits and comma, 一 whose UTF-16 has a NUL
# byte), so every encoding below can carry exactly the same article.
ARTICLE = (
    "四川外资持续增长\n"
    "\n"
    "新华社成都8月15日电 2022年上半年，四川实际使用外资１２０亿元，同比增长20.5%。\n"
    "\n"
    "“一带一路”项目 3 个，AB Corp 签约。\n"
)
NORMALISED = ARTICLE.strip("\n")
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


ENCODINGS = [
    # (id, bytes of ARTICLE, encoding recorded)
    ("utf-8", ARTICLE.encode("utf-8"), "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
    ("gbk", ARTICLE.encode("gbk"), "gb18030"),
    ("gb18030", ARTICLE.encode("gb18030"), "gb18030"),
    ("gbk-crlf", ARTICLE.replace("\n", "\r\n").encode("gbk"), "gb18030"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le", ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be", ARTICLE.encode("utf-16-be"), "utf-16-be"),
    ("utf-32-bom", ARTICLE.encode("utf-32"), "utf-32-le"),
]


# --- decoding -----------------------------------------------------------------------------------


@pytest.mark.parametrize("data,encoding", [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_decode_bytes_detects_encoding_from_bytes(data, encoding):
    text, found = decode_bytes(data)
    assert reader.normalise_text(text) == NORMALISED
    assert found == encoding


@pytest.mark.parametrize("data,encoding", [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_every_encoding_gives_the_same_document_and_hash(tmp_path, data, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == NORMALISED
    assert doc.content_hash == reader.content_hash(NORMALISED)
    assert doc.encoding == encoding
    assert "１２０亿" in doc.text  # full-width kept as written


def test_gb18030_four_byte_characters_decode():
    text = "㐀𠀀 GB18030 独有字符，2024年。"  # outside GBK: needs GB18030's four-byte sequences
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_utf16_without_bom_is_found_even_when_most_characters_are_cjk():
    # Chinese text has few NUL bytes in UTF-16; endianness is chosen by which reading looks like text.
    text = "一一一一一，一二三。\n" * 3 + "2024"
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (PNG_HEADER + _random_bytes(512), "binary file (PNG image)"),
        (b"%PDF-1.7\n" + _random_bytes(256), "binary file (PDF document)"),
        (_random_bytes(4096), "binary content"),
        ("正文\x00\x00\x00内容".encode(), "NUL bytes"),
        ("正文".encode() + b"\xff\x80\xff", "undecodable"),
        ("正文内容，一切正常。".encode() * 5 + b"\xe4\xb8", "invalid UTF-8 at byte 150"),
        ("文本".encode() + bytes(range(1, 9)) * 4, "not text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8", "byte-order mark"),
    ],
    ids=["empty", "png", "pdf", "random", "nul", "undecodable", "damaged-utf8", "controls", "bad-bom"],
)
def test_decode_bytes_rejects_with_a_reason(data, reason):
    with pytest.raises(IngestError) as err:
        decode_bytes(data)
    assert reason in str(err.value)


# --- markup and normalisation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "html,text,title",
    [
        (
            "<p>&ldquo;中国&rdquo;&nbsp;A&amp;B&#x4E2D;&#20013;&lt;</p>",
            "“中国” A&B中中<",
            "",
        ),
        (
            "<html><head><title>页面 - 新浪财经</title><style>p {color: red}</style>"
            "<script>var a = '<p>x</p>';</script></head><body>"
            "<h1>四川外资\n持续增长</h1><p>第一段，\n  内容。</p>"
            "<div>第二段<br>换行<br/>再换行</div><ul><li>甲</li><li>乙</li></ul>"
            "<table><tr><td>成都</td><td>１２０亿</td></tr><tr><td>资阳</td><td>5亿</td></tr></table>"
            "</body></html>",
            "四川外资 持续增长\n\n第一段， 内容。\n\n第二段\n换行\n再换行\n\n甲\n\n乙\n\n成都 １２０亿\n\n资阳 5亿",
            "四川外资 持续增长",
        ),
        (
            "<head><title> 只有标题 </title><body><p>正文</p><noscript>请启用</noscript>",
            "正文",
            "只有标题",
        ),
        ("<pre>第一行\n  缩进行</pre><p>后文</p>", "第一行\n缩进行\n\n后文", ""),  # line breaks kept
    ],
    ids=["entities", "page", "title-only-no-head-end", "pre"],
)
def test_html_to_text(html, text, title):
    assert html_to_text(html) == (text, title)


@pytest.mark.parametrize(
    "markdown,text,title",
    [
        (
            "# 四川外资持续增长\n\n**2022年**上半年，*四川*实际使用外资１２０亿元。\n\n"
            "## 小标题 ##\n\n> 引文 [链接](http://x) ![图](a.png)\n\n---\n\n`code` 完",
            "四川外资持续增长\n\n2022年上半年，四川实际使用外资１２０亿元。\n\n小标题\n\n引文 链接\n\ncode 完",
            "四川外资持续增长",
        ),
        ("正文 2*3*4 不变\n", "正文 2*3*4 不变", ""),
    ],
    ids=["headings-emphasis", "arithmetic-untouched"],
)
def test_markdown_to_text(markdown, text, title):
    assert reader.markdown_to_text(markdown) == (text, title)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("第一段  \r\n第二段\t\r\n", "第一段\n第二段"),
        ("a\rb", "a\nb"),
        ("\n\n  \n标题\n\n\n\n\n正文\n\n\n", "标题\n\n正文"),
        ("一段\n\n二段", "一段\n\n二段"),
        ("１２０亿元，ＧＤＰ　增长", "１２０亿元，ＧＤＰ　增长"),  # full width kept (NFC, not NFKC)
        ("Cafe\u0301", "Café"),  # NFC
        ("\ufeff正文\ufeff", "正文"),  # stray BOMs from concatenated files
        ("　　缩进段落　\n", "　　缩进段落"),  # leading ideographic indent kept, trailing dropped
    ],
    ids=["crlf-trailing", "cr", "blank-runs", "one-blank-kept", "full-width", "nfc", "bom", "indent"],
)
def test_normalise_text(raw, expected):
    assert reader.normalise_text(raw) == expected


# --- metadata ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-05", "2024-05"),
        ("2022-07-28", "2022-07-28"),
        ("2024/5/20", "2024-05-20"),
        ("2024.05.20", "2024-05-20"),
        ("2024年5月20日", "2024-05-20"),
        ("２０２４年５月", "2024-05"),
        ("2024", "2024"),
        ("2024-05-20T08:30:00+08:00", "2024-05-20"),
        ("2024-13", ""),
        ("2023-02-30", ""),
        ("late May", ""),
    ],
)
def test_parse_date(value, expected):
    assert reader.parse_date(value) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("四川外资持续增长\n正文。", "四川外资持续增长"),
        ("\n\n中国GDP前十强城市，迎来新变局！\n正文", "中国GDP前十强城市，迎来新变局！"),
        ("今天天气很好。\n短行", ""),  # first line is a sentence: no headline
        ("这一行很长" * 9 + "\n短行", ""),  # longer than 40 characters
        ("据统计：\n正文", ""),
        ("", ""),
    ],
    ids=["plain", "exclamation", "sentence", "too-long", "colon", "empty"],
)
def test_infer_title(text, expected):
    assert reader.infer_title(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2021年1-2月，比2020年增长，比2019年……", "2021"),
        ("2022年1月6日，会上表示；2021年全年……", "2022-01-06"),
        ("2024年5月17日开工，2024年5月20日交付，2023年……", "2024-05-20"),
        ("发布于2024-05-20。2023年……", "2024-05-20"),
        ("２０２３年增长", "2023"),
        ("2021年增长，到2025年达到，2035年远景目标，2030年前碳达峰", "2021"),
        ("截至2022年底", "2022"),
        ("2021年前三季度，2020年……", "2021"),
        ("2021年2月30日", "2021"),  # not a real date: the year still counts
        ("今年1-6月增长", ""),
    ],
    ids=[
        "latest-year",
        "full-date",
        "latest-date",
        "iso",
        "full-width",
        "targets",
        "截至",
        "前三季度",
        "bad-day",
        "none",
    ],
)
def test_infer_published(text, expected):
    assert reader.infer_published(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("标题\n来源：华商报\n正文", "华商报"),
        ("中新社北京11月1日电 题：……", "中新社"),
        ("新华社成都８月１５日电（记者 张三）", "新华社"),
        ("正文。\n科技日报讯(记者李丽云 朱虹)5月17日，……", "科技日报"),
        ("◎本报讯（记者 王五）今天……", ""),
        ("接受科技日报记者采访时说", ""),
    ],
    ids=["来源", "中新社", "新华社-full-width", "某某讯", "本报讯", "mention-only"],
)
def test_infer_source(text, expected):
    assert reader.infer_source(text) == expected


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_sidecar_metadata_is_read(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    meta = {"source": "红星新闻 (via 新浪财经)", "published": "2022-08-16", "title": "给定标题", "kind": "x"}
    _write(tmp_path / "a.meta.json", json.dumps(meta, ensure_ascii=False))
    doc = read_document(path)
    assert (doc.source, doc.published, doc.title) == ("红星新闻 (via 新浪财经)", "2022-08-16", "给定标题")
    assert doc.inferred == ()


def test_missing_sidecar_infers_and_records_inferred_fields(tmp_path):
    doc = read_document(_write(tmp_path / "a.txt", ARTICLE))
    assert (doc.source, doc.published, doc.title) == ("新华社", "2022", "四川外资持续增长")
    assert doc.inferred == ("source", "published", "title")


def test_sidecar_fields_it_lacks_are_inferred(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "a.meta.json", '{"source": "四川日报", "published": "2022/8/16"}')
    doc = read_document(path)
    assert (doc.source, doc.published, doc.title) == ("四川日报", "2022-08-16", "四川外资持续增长")
    assert doc.inferred == ("title",)


def test_html_headline_is_given_not_inferred(tmp_path):
    path = _write(tmp_path / "a.html", "<title>站点</title><h1>标题</h1><p>正文。</p>", "gbk")
    doc = read_document(path)
    assert (doc.title, doc.text, doc.encoding) == ("标题", "标题\n\n正文。", "gb18030")
    assert "title" not in doc.inferred


@pytest.mark.parametrize(
    "sidecar,warning",
    [
        ('{"source": "四川日报",', "bad JSON"),
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"published": "late May"}', "is not a date"),
        ('{"title": {"zh": "x"}}', "should be text"),
    ],
    ids=["bad-json", "not-object", "bad-date", "bad-type"],
)
def test_bad_sidecar_warns_naming_it_and_falls_back_to_inference(tmp_path, sidecar, warning):
    path = _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "a.meta.json", sidecar)
    result = load_inputs([tmp_path])
    assert [d.title for d in result.documents] == ["四川外资持续增长"]
    assert result.problems == []
    assert len(result.warnings) == 1
    assert f"{(tmp_path / 'a.meta.json').as_posix()}: " in result.warnings[0]
    assert warning in result.warnings[0]
    assert path.exists()


def test_read_document_logs_sidecar_warnings_by_default(tmp_path, caplog):
    path = _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "a.meta.json", "{oops")
    with caplog.at_level(logging.WARNING, logger="lib.ingest.reader"):
        read_document(path)
    assert "a.meta.json: bad JSON" in caplog.text


# --- files and batches ---------------------------------------------------------------------------


def test_batch_reports_each_bad_file_and_keeps_the_good_ones(tmp_path):
    good = _write(tmp_path / "good.txt", ARTICLE, "gbk")
    bad_files = {
        "empty.txt": (b"", "empty file"),
        "blank.txt": (" \n\t\r\n　\n".encode(), "whitespace only"),
        "image.txt": (PNG_HEADER + _random_bytes(400), "binary file (PNG image)"),  # detected, not by name
        "big.txt": (("长" * 1000).encode(), "too large: 3,000 bytes, the limit is 2,000"),
        "mixed.md": ("正文".encode() + b"\xff\x80\xff", "undecodable"),
        "empty.html": (b"<html><script>x()</script></html>", "no text in the html"),
    }
    for name, (data, _) in bad_files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".hidden.txt").write_text("隐藏文件")

    result = load_inputs([tmp_path], max_bytes=2000)

    assert [d.input_file for d in result.documents] == [good.as_posix()]
    assert len(result.problems) == len(bad_files)
    for name, (_, reason) in bad_files.items():
        [message] = [p for p in result.problems if p.startswith(f"{(tmp_path / name).as_posix()}: ")]
        assert reason in message and "\n" not in message
    assert result.skipped == [
        f"{(tmp_path / 'notes.pdf').as_posix()}: unsupported file type '.pdf'; "
        "expected .htm, .html, .md, .txt"
    ]


def test_default_size_limit_is_the_module_constant(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (reader.MAX_BYTES + 1))
    with pytest.raises(IngestError, match=r"huge\.txt: too large"):
        read_document(path)
    assert read_document(path, max_bytes=reader.MAX_BYTES + 1).text.startswith("aaa")


def test_read_document_errors_name_the_file(tmp_path):
    for name, reason in [("missing.txt", "cannot read"), ("a.docx", "unsupported file type '.docx'")]:
        with pytest.raises(IngestError) as err:
            read_document(tmp_path / name)
        assert str(err.value) == f"{(tmp_path / name).as_posix()}: {err.value.reason}"
        assert reason in err.value.reason


def test_duplicate_content_is_stored_once(tmp_path):
    first = _write(tmp_path / "a.txt", ARTICLE)
    second = _write(tmp_path / "b.txt", ARTICLE.replace("\n", "\r\n") + "\n\n", "gbk")
    result = load_inputs([tmp_path])
    assert [d.input_file for d in result.documents] == [first.as_posix()]
    [warning] = result.warnings
    assert warning.startswith(f"{second.as_posix()}: same text as {first.as_posix()}")


def test_folders_recurse_in_sorted_order_and_inputs_are_deduplicated(tmp_path):
    for i, rel in enumerate(["b.txt", "a/z.md", "a/b/c.htm", "A.txt", ".git/x.txt", "a/.cache/y.txt"]):
        _write(tmp_path / rel, f"第{i}篇\n\n正文{i}。")
    _write(tmp_path / "a" / "z.meta.json", "{}")
    result = load_inputs([tmp_path, tmp_path / "b.txt", tmp_path / "nowhere"])
    rel = [Path(d.input_file).relative_to(tmp_path).as_posix() for d in result.documents]
    assert rel == ["A.txt", "a/b/c.htm", "a/z.md", "b.txt"]
    assert result.skipped == [] and result.warnings == []
    assert result.problems == [f"{(tmp_path / 'nowhere').as_posix()}: no such file or folder"]


def test_input_file_is_relative_to_the_repository_root_when_under_it(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    path = _write(tmp_path / "data" / "raw" / "x.txt", ARTICLE)
    assert read_document(path).input_file == "data/raw/x.txt"
    outside = _write(tmp_path.parent / f"{tmp_path.name}-outside.txt", ARTICLE)
    try:
        assert read_document(outside).input_file == outside.as_posix()
    finally:
        outside.unlink()


# --- real inputs -------------------------------------------------------------------------------------


def test_seed_page_loads_with_its_sidecar_metadata():
    result = load_inputs([paths.ROOT / "data" / "raw"])
    assert result.problems == [] and result.warnings == []
    [doc] = [d for d in result.documents if "/official/" not in d.input_file]
    assert doc.input_file == "data/raw/000_b9138aaef01622f3.txt"
    assert doc.source.startswith("科技日报")
    assert doc.published == "2024-05"
    assert doc.encoding == "utf-8"
    assert "source" not in doc.inferred and "published" not in doc.inferred
    assert "天津：融合三地“六链” 深化协同创新" in doc.text.split("\n")
    assert "\n\n\n" not in doc.text and "\r" not in doc.text


DEV_FILES = sorted(paths.DEV_CORPUS_DIR.glob("*.txt")) if paths.DEV_CORPUS_DIR.is_dir() else []


@pytest.mark.skipif(not DEV_FILES, reason=f"dev corpus not found at {paths.DEV_CORPUS_DIR}")
@pytest.mark.parametrize("path", DEV_FILES, ids=[p.stem[:2] for p in DEV_FILES])
def test_every_dev_article_loads(path):
    doc = read_document(path)
    meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert (doc.source, doc.published) == (meta["source"], meta["published"])
    assert doc.title == path.read_text(encoding="utf-8").split("\n")[0].strip()  # line 1 is the headline
    assert doc.inferred == ("title",)
    assert doc.encoding == "utf-8" and len(doc.text) > 500


@pytest.mark.skipif(not DEV_FILES, reason=f"dev corpus not found at {paths.DEV_CORPUS_DIR}")
def test_dev_corpus_loads_as_one_batch_in_gbk_too(tmp_path):
    # The same articles re-encoded as GBK hash the same, so a mixed batch keeps one copy of each.
    for path in DEV_FILES:
        _write(tmp_path / f"{path.stem}.gbk.txt", path.read_text(encoding="utf-8"), "gb18030")
    result = load_inputs([paths.DEV_CORPUS_DIR, tmp_path])
    assert len(result.documents) == len(DEV_FILES)
    assert result.problems == [] and len(result.warnings) == len(DEV_FILES)
    assert all("dropped as a duplicate" in w for w in result.warnings)


def test_a_folders_readme_is_documentation_not_an_article(tmp_path):
    # data/raw/official/README.md names the communiqués' origin and licence; it is not a communiqué.
    _write(tmp_path / "corpus" / "a.txt", ARTICLE)
    _write(tmp_path / "corpus" / "README.md", "# 来源\n\n这些公报来自统计局，共5篇。\n")
    result = load_inputs([tmp_path / "corpus"])
    assert [Path(d.input_file).name for d in result.documents] == ["a.txt"]
    assert [m for m in result.skipped if "README.md" in m] == [
        f"{reader.display_path(tmp_path / 'corpus' / 'README.md')}: a folder's README, documentation, not an article"
    ]
    # Named on its own, the same file is read: the user asked for it.
    assert len(load_inputs([tmp_path / "corpus" / "README.md"]).documents) == 1


def test_html_is_told_by_its_content_not_its_name(tmp_path):
    # A crawler's .txt holding the page as fetched: tags and entities, one number split across tags
    # the way Word-exported HTML splits it.
    page = (
        "<p>郑州市统计局发布&ldquo;一季度经济运行情况&rdquo;</p>\n"
        "<p>一季度，全市地区生产总值同比增长<span>5.4</span><span>%</span>。</p>\n"
        "<p>规模以上工业增加值增长&nbsp;8.1%。</p>"
    )
    doc = read_document(_write(tmp_path / "page.txt", page))
    assert "<p>" not in doc.text and "&ldquo;" not in doc.text and "“一季度经济运行情况”" in doc.text
    from lib.extract import numbers

    assert "5.4%" in [q.raw.replace(" ", "") for q in numbers.find_quantities(doc.text)]


def test_a_text_that_mentions_a_tag_stays_text(tmp_path):
    doc = read_document(_write(tmp_path / "a.txt", "网页用<p>标记段落，这是一篇讲网页制作的文章。\n"))
    assert "<p>" in doc.text


@pytest.mark.parametrize(
    "title,expected",
    [
        ("2024年白银市经济运行情况_白银市统计局", "2024年白银市经济运行情况"),
        ("关于2024年预算执行情况的报告_某市财政局_某市人民政府", "关于2024年预算执行情况的报告"),
        ("郑州GDP首破万亿 - 新华网", "郑州GDP首破万亿"),
        ("京津冀协同发展十年｜澎湃新闻", "京津冀协同发展十年"),
        ("A-B 合作", "A-B 合作"),  # no site name: kept whole
    ],
)
def test_a_page_title_loses_the_site_name(title, expected):
    from lib.ingest.reader import html_to_text

    assert html_to_text(f"<html><head><title>{title}</title></head><body><p>正文。</p></body></html>")[1] == expected
