"""The tokenizer interface in lib/text.py: every extractor reaches the tokenizer only through it."""

import pytest

from lib import text

# Every backend RDD_TOKENIZER can pick must keep the interface's promises, not only the default.
BACKENDS = pytest.mark.parametrize("name", text.TOKENIZER_BACKENDS)
SENTENCE = "各地加快发展新质生产力，探索双向飞地模式。"


@BACKENDS
def test_cut_keeps_domain_words_whole(name):
    words = text.backend(name).cut(SENTENCE)
    assert "新质生产力" in words
    assert "双向飞地" in words
    assert "".join(words) == SENTENCE


@BACKENDS
def test_tag_gives_domain_words_their_dictionary_tag(name):
    pairs = dict(text.backend(name).tag(SENTENCE))
    assert pairs["新质生产力"] == "nz"
    assert pairs["双向飞地"] == "nz"


@BACKENDS
def test_tag_and_cut_agree_on_the_text(name):
    sentence = "今年前三季度，全市地区生产总值增长5.2%。"
    b = text.backend(name)
    assert "".join(w for w, _ in b.tag(sentence)) == sentence
    assert "".join(b.cut(sentence)) == sentence


@BACKENDS
def test_has_word_knows_dictionary_words_not_prefixes_or_gibberish(name):
    b = text.backend(name)
    assert b.has_word("经济")
    assert b.has_word("新质生产力")  # from data/dict/userdict.txt
    assert not b.has_word("新质生")  # a prefix jieba keeps with frequency 0
    assert not b.has_word("嗯啊哦嘞")


@BACKENDS
def test_user_words_without_frequency_stay_whole_against_common_words(name):
    # 算力网络 is listed without a frequency: the backend must suggest one above 算力 + 网络.
    assert "算力网络" in text.backend(name).cut("建设全国一体化算力网络。")


@BACKENDS
def test_domain_tag_wins_over_the_general_dictionary_tag(name):
    # 人工智能 is 'n' in jieba's dictionary and 'nz' in data/dict/userdict.txt.
    assert dict(text.backend(name).tag("发展人工智能产业。"))["人工智能"] == "nz"


@BACKENDS
def test_backend_add_word_is_known_cut_whole_and_tagged(name):
    word = f"琼州{name[-3:]}测试港"
    b = text.backend(name)
    b.add_word(word, None, "nz")
    assert b.has_word(word)
    assert word in b.cut(f"建设{word}的方案")
    assert dict(b.tag(f"建设{word}的方案"))[word] == "nz"


def test_module_functions_use_the_chosen_backend():
    assert text.backend() is text.backend(text.backend_name())
    assert text.cut(SENTENCE) == text.backend().cut(SENTENCE)
    assert text.tag(SENTENCE) == list(text.backend().tag(SENTENCE))


def test_add_word_is_known_cut_whole_and_tagged():
    word = "琼州测试港"
    text.add_word(word, 1000, "nz")
    assert text.has_word(word)
    assert word in text.cut(f"建设{word}的方案")
    assert dict(text.tag(f"建设{word}的方案"))[word] == "nz"


def test_unknown_backend_setting_is_an_error_naming_the_choices(monkeypatch):
    monkeypatch.setenv("RDD_TOKENIZER", "spacy")
    text.backend_name.cache_clear()
    try:
        with pytest.raises(ValueError, match="RDD_TOKENIZER='spacy'.*rjieba"):
            text.backend_name()
    finally:
        monkeypatch.undo()
        text.backend_name.cache_clear()


def test_idf_table_is_loaded_once_with_a_median():
    table, median = text.idf()
    assert text.idf() is text.idf()  # one table per process
    assert len(table) > 100_000
    assert min(table.values()) <= median <= max(table.values())
    assert table["的"] < table["新能源"]  # common words weigh less


@pytest.fixture
def idf_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(text.paths, "CACHE_DIR", tmp_path)
    text.idf.cache_clear()
    yield tmp_path
    text.idf.cache_clear()


def test_idf_table_is_cached_parsed_and_reread_identically(idf_cache):
    first = text.idf()
    (cached,) = idf_cache.glob("idf-*.pickle")
    text.idf.cache_clear()
    assert text.idf() == first  # from the pickle
    cached.write_bytes(b"damaged")
    text.idf.cache_clear()
    assert text.idf() == first  # a damaged copy is parsed again, not trusted


def test_tfidf_stopwords_include_jieba_and_project_lists():
    stop = text.tfidf_stopwords()
    assert "the" in stop
    assert text.stopwords() <= stop


@pytest.fixture
def small_pos_cache(monkeypatch):
    text.pos_cache_clear()
    monkeypatch.setattr(text, "POS_CACHE_MAX_CHARS", 100)
    yield
    text.pos_cache_clear()


def test_pos_cache_is_bounded_by_characters(small_pos_cache):
    for i in range(20):
        text.pos_cut(f"第{i}个园区投资增长了百分之十二，" * 2)  # about 30 characters each
    sentences, chars = text.pos_cache_info()
    assert chars <= 100
    assert 0 < sentences < 20


def test_pos_cache_keeps_recent_sentences_and_skips_oversized_ones(small_pos_cache):
    first = text.pos_cut("全市工业投资增长。")
    assert text.pos_cut("全市工业投资增长。") is first  # a hit returns the cached tuple
    long = "投资" * 80  # 160 characters: more than the whole cache
    assert "".join(w for w, _ in text.pos_cut(long)) == long
    assert text.pos_cache_info() == (1, len("全市工业投资增长。"))


def test_extractor_version_tells_backends_apart(monkeypatch):
    from lib.store.version import extractor_version

    versions = set()
    try:
        for name in ("jieba", "rjieba"):
            monkeypatch.setenv("RDD_TOKENIZER", name)
            text.backend_name.cache_clear()
            extractor_version.cache_clear()
            versions.add(extractor_version())
    finally:
        monkeypatch.undo()
        text.backend_name.cache_clear()
        extractor_version.cache_clear()
    assert len(versions) == 2  # rows cached under one backend are not reused under another


def test_fold_width_maps_every_full_width_mark_as_the_table_does():
    """fold_width replaces the few distinct full-width marks of a text (or translates a text holding many):
    the same string as translating every character through the table."""
    import random

    wide = "".join(chr(c) for c in text._WIDTH_TABLE)
    rng = random.Random(3)
    samples = ["2023年，全市地区生产总值（GDP）完成1234.56亿元，同比增长5.6%；", "", "地区生产总值", wide]
    samples += ["".join(rng.choice(wide[:30] + "中文abc。、") for _ in range(rng.randint(0, 60))) for _ in range(300)]
    for s in samples:
        folded = text.fold_width(s)
        assert folded == s.translate(text._WIDTH_TABLE)
        assert len(folded) == len(s)
