"""Newspaper page -> articles.

Text recovered from a printed page interleaves columns: a fragment of one article can sit inside
another (sometimes mid-sentence), photo captions sit in the flow, and a headline can be printed
far from its body. The split uses only general cues:

* headline shape (short, unterminated, no clause punctuation) and headline groups (kicker + title);
* bylines (◎本报记者, 记者, 通讯员) and datelines (XX日报讯(记者 ...), XX社XX电);
* caption credits (…供图, …摄) and 图为…;
* sentence continuity: a paragraph that stops mid-sentence is continued by the next fragment that
  starts mid-sentence or, failing that, by the fragment whose places match it best;
* which region a fragment talks about (an injected ``place_counter``, so this module stays pure);
* on a page of several short reports: a headline naming a place the report before does not (once that
  report ended), a report opening with its dateline, a caption block above the reports, end furniture.

A file with one article comes through as one article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from lib import paths

# Counts the place names in a text. A name never spans a line break or a space, so the counts of
# lines joined by either are the sums of the lines' counts (``_piece_places`` relies on it).
PlaceCounter = Callable[[str], Counter]

# (an ASCII ellipsis is a web page's …: a teaser cut off with 遷... ends there)
_TERMINAL = re.compile(r"(?:[。！？!?…；;]|\.{3})[”’」』）)】\]]*$")
# A wire's or outlet's credit closing a report after its last sentence: …展期13天。(中央社), …。（新华社）, …。（完）,
# or named with 据 and no brackets: …整合期的煤矿。 据新华社, …日益密切。据《参考消息》
_CLOSING_CREDIT = re.compile(
    r"[。！？!?…][”’」』]*\s*[（(]\s*(?:[\u4e00-\u9fa5]{1,8}(?:社|报|報|台|网|網)(?:电|電|讯|訊|发|發)?|完)\s*[）)]$"
    r"|[。！？!?…][”’」』]*\s*(?:据|據)\s*(?:《[^《》]{2,12}》|[\u4e00-\u9fa5]{1,10}(?:社|报|報|台|网|網|新闻|新聞|客户端|客戶端))$"
)
_CLAUSE_PUNCT = re.compile(r"[，,、。；;]")
# (Traditional forms too: the layout reads the text as written: 新華社發(金衛其 攝))
_CREDIT_END = re.compile(
    r"(供图|供圖|摄|攝|摄影|攝影|图片来源[:：].*|圖片來源[:：].*|制图|製圖)[）)]?$"
    r"|(?:摄|攝)\s*[（(](?:新华社|新華社|中新社)?[发發][）)]$"  # 刘继刚摄(新华社发)
    r"|^(?:新华社|新華社|中新社)[发發]$"  # the wire's credit alone on its line, over or under the pictures
    r"|(?:摄|攝)(?:影报道|影報道)?\s*[（(][^（()）]{2,8}[）)]$"  # 尚宇傑攝(人民視覺): the agency after the photographer
)
_BYLINE = re.compile(
    r"^[（(]?\s*◎?\s*(?:(?:本报|本刊)?(?:特约)?(?:记者|通讯员|实习生|作者|编辑|编\s*辑|撰文)"
    r"[\s：:丨|]*[\u4e00-\u9fa5·]{2,4}[\s、，,]*)+.*$"
)
# Outlet credit closing a story: '红星新闻记者 叶燕 宋嘉问', '人民网福建频道 林晓丽'.
_TRAILING_CREDIT = re.compile(r"^[\u4e00-\u9fa5A-Za-z0-9]{2,12}(?:记者)?(?:\s+[\u4e00-\u9fa5·]{2,4}){1,3}$")
_REPORTER_LINE = re.compile(r"^[（(]?\s*◎|^(?:本报)?(?:记者|通讯员)\s*[\u4e00-\u9fa5]")
_DATELINE_BODY = (
    r"(?P<outlet>[\u4e00-\u9fa5]{2,8}?(?:讯|电))\s*[（(](?P<credit>[^）)]{2,40})[）)]\s*"
    r"|(?P<outlet2>[\u4e00-\u9fa5]{2,6}社[\u4e00-\u9fa5]{0,6}?(?:\d{1,2}月\d{1,2}|[一二三]?十?[一二三四五六七八九十])日电)\s*"
    # a wire line in brackets, its day in numerals, and a place's 讯 after it: 【新华社重庆十四日电】拉萨讯:
    r"|(?P<outlet4>【[\u4e00-\u9fa5]{2,16}(?:电|讯)】)\s*(?:[\u4e00-\u9fa5]{2,6}讯\s*[:：])?\s*"
    # a paper's own wire line: 本报济南10月6日电 记者何勇报道:
    r"|(?P<outlet3>本报[\u4e00-\u9fa5]{0,8}?\d{1,2}月\d{1,2}日电)\s*(?:(?P<credit3>记者[\u4e00-\u9fa5、\s]{2,14}?)报道\s*[:：])?\s*"
    # a paper's own dateline with no credit: 本报讯 alone on its line, or 本报讯：4月18日…
    r"|(?P<outlet6>(?:本报|本刊|本網|本网|本報)[讯訊])\s*[:：]?\s*"
    # a photo wire's line over each picture: 新华社照片,北京,2024年9月22日 (the place it was sent from)
    r"|(?P<outlet7>(?:新华社|新華社)照片\s*[,，]\s*[\u4e00-\u9fa5]{2,8}\s*[,，]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*"
    # a news channel's reporters and place in brackets: 【曾宏智 高雄六龜】, 【記者陳沿佐/台北報導】
    r"|(?P<outlet5>[【〔](?:记者|記者)?\s*(?:[\u4e00-\u9fa5·]{2,4}[\s、/／]+){1,4}[\u4e00-\u9fa5]{2,8}[】〕])\s*"
    # the same with name and place run together: 【記者謝敏政嘉義報導】
    r"|(?P<outlet8>[【〔](?:记者|記者)[\u4e00-\u9fa5·]{3,12}?(?:报导|報導|报道|報道)[】〕])\s*"
    # in round brackets, the reporter named: (記者謝新鈕/南投報導), （记者王小明/台北报道）
    r"|[（(](?P<credit9>(?:记者|記者)\s*[\u4e00-\u9fa5·、\s]{2,14}[/／∕][\u4e00-\u9fa5]{2,8}(?:报导|報導|报道|報道))[）)]\s*"
    # the same without brackets, a space before the text: 記者池文中/臺東報導 臺東縣政府…, 記者陳木隆∕宜蘭報導 由…
    r"|(?P<credit10>(?:记者|記者)\s*[\u4e00-\u9fa5·、]{2,14}?[/／∕][\u4e00-\u9fa5]{2,8}?(?:报导|報導|报道|報道))\s+"
)
_DATELINE = re.compile("^(?:" + _DATELINE_BODY + ")")
# A report of a page of briefs may open with a short place label before its dateline (山东 本报济南…电).
_LABELLED_DATELINE = re.compile(
    r"^(?P<label>[\u4e00-\u9fa5]{2,4})\s+(?=" + re.sub(r"\(\?P<\w+>", "(?:", _DATELINE_BODY) + ")"
)
_META_LINE = re.compile(
    r"^(?:原标题|来源|文章来源|责任编辑|编辑|题|发布时间|发稿时间|刊发日期|刊发时间|字体|字号)[：:]"
    # an e-paper's edition line with its issue number: A2:综合*新闻总第3307期 >2018-09-14编印
    r"|^[A-Za-z]?\d{1,3}\s*版?\s*[：:][^。]{0,30}总第\s*\d+\s*期"
    # an e-paper's edition line: 《人民日报》（2025年02月06日第 03 版）
    r"|^《[^》]{2,14}》\s*[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版"
    r"\s*[）)]?(?:\s+\S.*)?$"  # …(2004年10月07日 第一版) 相关专题:… on one crawled line
    # a page archive's edition line and column field over each item (第1版(), 专栏:) and its page line
    # (1951年9月15日人民日报 第1版)
    r"|^第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*(?:[（(][^）)]{0,20}[）)])?\s*$"
    r"|^专栏\s*[:：]\s*\S{0,12}$|^(?:本版|本期|今日)?导读$"  # 本版导读: the page's table of contents
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[\u4e00-\u9fa5]{2,10}报\s*第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版$"
    # the editor's line closing a page or an item: (责编:白宇、卫嘉)
    r"|^[（(]\s*(?:责编|责任编辑|本版编辑|编辑)\s*[:：]"
    # a site's share/QR line and a related-link line (- 2022年10月份统计月报 2022-11-22)
    r"|^(?:扫一扫|手机扫一扫|分享让更多人看到)"
    r"|^[-–·•]\s*\S.{0,60}?\s\d{4}-\d{1,2}-\d{1,2}$"
    # a crawled page's address line and the rule of a table it was laid out in (---|)
    r"|^(?:https?://|www\.)\S+"
    r"|^[-|:：\s]{3,}$"
    # a list's separator between items, alone on its line (- / * / ——): the item before is over
    r"|^[-–—_*＊=~·•]{1,3}$|^[\"“”'‘’]$"  # (a quote mark alone on its line: a crawl's stray)
    # a WeChat post's line: the account, the time it was posted and the place it was posted from (文摘 2024-09-14
    # 18:11 北京): not the report's place
    r"|^\S{1,20}\s+\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?:\s+[\u4e00-\u9fa5]{2,8})?\s*$"
    # a web page's dateline with a time: 2025-02-06 08:30 来源：…
    r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s|$|来源|作者|发布|浏览)"
    r"|^(?:分享到|打印本页|关闭窗口|返回顶部)"
    # a site's buttons in brackets ([打印] [[收藏]] [TT]) and a repost's disclaimer
    r"|^\[{1,2}[^\[\]]{1,6}\]{1,2}$|^(?:转载此文是出于|本文转载自|免责声明[：:])"
    # a site's breadcrumb (首页 > 数据发布) and footer (版权所有, 主办单位, ICP备案)
    r"|^(?:当前位置[：:]\s*)?首页\s*[>＞›»]"
    r"|^(?:版权所有|Copyright|©|主办单位|承办单位|技术支持|网站标识码|.{0,20}ICP[备证]|.{0,20}公网安备)"
    # a government site's record of the document (索引号： … 发布机构： …, 浏览次数：)
    r"|^(?:索\s*引\s*号|发布日期|信息名称|主题分类|发布机构|所属机构|成文日期|废止日期|生成日期|文\s*号|关\s*键\s*[词字]|信息来源"
    r"|浏览次数|访问次数|点击数)\s*[：:]"
)
# A speech's subtitle says where and when it was given (——2025年1月20日在…会议上): body text, so the
# date is an event and the line never becomes the headline.
# So is a resolution's or report's adoption line: （2025年1月9日本溪市第十七届人民代表大会第四次会议…通过）.
_DELIVERED = re.compile(
    r"^[—–－-]{1,2}\s*(?:\d{4}\s*年|[一二〇○零]{4}年).{0,40}在.{2,80}上"
    r"|^[（(]\s*\d{4}\s*年\d{1,2}月\d{1,2}日.{2,80}(?:通过|批准|审议|讲话|报告)\s*[）)]$"
    # without the dash when the whole line is the day and the session: 2023年1月9日在凤县第十八届人民代表大会第二次会议上
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在.{2,80}会议上$"
)
# A page may break that subtitle over two lines (——2024年12月28日在白山市江源区第十届人民代表大会 / 第四次会议上,
# blank lines between them or not): the two lines are one.
_DELIVERED_OPEN = re.compile(r"^[—–－-]{0,2}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^。，,；;：:]{2,60}$")
_DELIVERED_CLOSE = re.compile(r"^[^。，,；;：:]{0,30}会议上$")
# The speaker under a speech's title: 郑州市市长 何雄, 省长 王凯.
_SPEAKER = re.compile(
    r"^[\u4e00-\u9fa5]{0,12}(?:省长|市长|区长|县长|州长|盟长|旗长|主席|主任)\s+[\u4e00-\u9fa5·]{2,4}$"
)
# A speech opens with its audience (各位代表：), not with a headline.
_STANDS_ALONE = re.compile(
    _DELIVERED.pattern + "|" + r"^(?:各位代表|各位委员|同志们|各位来宾|女士们、先生们)[，,：:！!]\s*$"
)
_SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们|各位来宾|女士们、先生们)[，,：:！!]")
_OPENING_QUOTES = "“‘「『"
_CLOSING_QUOTES = "”’」』"
# A caption line by its opening mark: ▲ …, 图1:…, 上图:…, 图片:… (a chart's or a photo's legend).
# (图①为…, 圖2為…: a numbered picture's caption)
_CAPTION_OPEN = re.compile(
    r"^(?:[▲△]\s*\S|图\s*\d{1,2}\s*[:：]|[上下左右中]图\s*[:：]|图片\s*[:：]|[图圖]\s*(?:[①-⑳]|\d{1,2})\s*[为為])"
)
# A brief of a column of briefs (三秦短波: △联席会议制度已在我省全面实行。截至目前,… (季哲)) opens with the same mark as a
# caption but tells a story of several sentences and names no picture: a report of its own.
_BULLET = re.compile(r"^[▲△■◆]\s*\S")
# 图 as a picture, not in a word where it is something else (图书室 of a brief: 局领导和图书室订了41份, 蓝图, 地图, 意图);
# 摄 neither in the name of an art or its show (美术书法摄影展览 of a brief: an exhibition, not this page's picture).
_PHOTO_CUE = re.compile(
    r"(?<![蓝藍地意企试試版宏构構])[图圖](?![书書纸紙谋謀])"
    r"|[摄攝](?!影(?:展|作品|比赛|比賽|大赛|大賽|家|协会|協會|爱好|愛好|艺术|藝術))|照片|画面|畫面|镜头|鏡頭|合影"
)


# A brief's author credit on a line of its own, names only in brackets: (王震), (黄建生 汪明喜).
_NAME_CREDIT = re.compile(r"^[（(]\s*[\u4e00-\u9fa5·]{2,4}(?:[\s、，,]+[\u4e00-\u9fa5·]{2,4}){0,3}\s*[）)]$")


def _bullet_brief(text: str, following: list[str] = ()) -> bool:
    """A bulleted paragraph that tells a story (two sentences or more) or is signed by its author on a line of
    its own before the next bullet (its story may go on in a paragraph between), and names no picture: a brief.
    A photo caption is one sentence and its credit says 摄 or 图."""
    if not _BULLET.match(text) or _PHOTO_CUE.search(text):
        return False
    if text.count("。") >= 2:
        return True
    for line in following[:3]:
        if _NAME_CREDIT.match(line):
            return True
        if _BULLET.match(line) or _PHOTO_CUE.search(line):
            return False
    return False


def _vocab_alternation(name: str) -> str:
    """The words of data/vocab/NAME (comments and blank lines left out) as a regex alternation, longest first."""
    lines = (paths.DATA_DIR / "vocab" / name).read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


@lru_cache(maxsize=1)
def _brief_column() -> re.Pattern:
    return re.compile(_vocab_alternation("brief_columns.txt") + r"\s*$")
# A chronicle (大事记) opens each day's first entry with the day alone (一日 省委书记…, 1日，…) and the day's
# further entries with △: after such a line a △ line is an entry of the text, not a photo caption.
# Some chronicles write the month too, then a space (8月1日 市委副书记…); the press writes 8月1日，… instead.
_CHRONICLE_DAY = re.compile(r"^(?:(?:\d{1,2}|[一二三]?十?[一二三四五六七八九十]|[二三]?十)日[\s,，、]|\d{1,2}月\d{1,2}日\s)")
# The writer's and photographer's credit closing a release: 文、图:国家统计局金昌调查队, 文/图 张三.
_WORK_CREDIT = re.compile(
    r"^[（(]?(?:文、图|文/图|图/文|图文|文字|文|图)\s*[:：/丨|]\s*[\u4e00-\u9fa5·、\s]{2,30}[）)]?$"
)
_MAX_HEADLINE = 40
_MAX_CAPTION = 120
_COLUMN_LABEL_MAX = 5


@dataclass
class Para:
    text: str
    kind: str  # heading | byline | caption | credit | meta | body
    gap_before: int = 0  # blank lines before it in the source: a wide gap hints at a layout break
    lines: int = 1
    brief: bool = False  # a body paragraph opening a brief of a column of briefs (△…)


@dataclass
class Piece:
    """A laid-out article before region attribution."""

    title: str = ""
    kicker: str = ""
    column: str = ""
    byline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    source: str = ""
    original_title: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def is_open(self) -> bool:
        """Its last paragraph stops mid-sentence, so a later fragment should continue it."""
        return bool(self.paragraphs) and not is_terminated(self.paragraphs[-1])


# --- paragraph level -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _read_more() -> re.Pattern:
    return re.compile(_vocab_alternation("read_more.txt") + r"\s*(?:>>|»|→|\.{3}|…)?$", re.IGNORECASE)


def _fold_read_more(paras: list[Para]) -> list[Para]:
    """A read-more link on a line of its own (Read More) goes on the end of the teaser above it, which it cuts."""
    out: list[Para] = []
    for p in paras:
        alone = _read_more().fullmatch(p.text.strip())
        if alone and out and out[-1].kind == "body":
            out[-1] = Para(f"{out[-1].text} {p.text.strip()}", "body", out[-1].gap_before, out[-1].lines, out[-1].brief)
        elif not alone:
            out.append(p)
    return out


def ends_with_read_more(text: str) -> bool:
    """A teaser cut where a list page links to the whole story (…健康長大 繼續閱讀)."""
    return bool(_read_more().search(text.rstrip()))


# A brief's writers in brackets after its last sentence: …被评为“优胜队”。 (李永祥), …鲜蛋。(吴树民 周秦).
_SIGNED_END = re.compile(
    r"[。！？!?…][”’」』]*\s*[（(]\s*[\u4e00-\u9fa5·]{2,4}(?:[\s、，,]+[\u4e00-\u9fa5·]{2,4}){0,3}\s*[）)]$"
)


def is_terminated(text: str) -> bool:
    t = text.rstrip()
    return bool(_TERMINAL.search(t) or _CLOSING_CREDIT.search(t) or _SIGNED_END.search(t) or ends_with_read_more(t))


def starts_mid_sentence(text: str) -> bool:
    """A fragment that cannot open a sentence: leading punctuation, a closing quote before any
    opening one, or a first 'sentence' of a single character (…实力雄 + 厚。)."""
    t = text.lstrip()
    if not t:
        return False
    if t[0] in "，,、。；;：:）)" + _CLOSING_QUOTES:
        return True
    first_close = min((t.find(q) for q in _CLOSING_QUOTES if q in t), default=-1)
    first_open = min((t.find(q) for q in _OPENING_QUOTES if q in t), default=-1)
    if first_close >= 0 and (first_open < 0 or first_close < first_open):
        return True
    m = re.match(r"^([^。！？!?，,]{1,2})[。！？!?]", t)
    return bool(m)


# The number of a numbered heading (二、 （一） 3. 第二部分): its 、 is no clause punctuation.
_LIST_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}(?:章|节|部分)\s*)"
)


def looks_like_heading(text: str) -> bool:
    t = _LIST_MARKER.sub("", text.strip())
    return (
        0 < len(t) <= _MAX_HEADLINE
        and not is_terminated(t)
        and not _CLAUSE_PUNCT.search(t)
        and not _CREDIT_END.search(t)
    )


# Where a crawl joined a page's paragraphs with single spaces into one line, the next report starts after a
# sentence end and a space with its (labelled) dateline, and the page's edition line after the last one.
_FLATTENED_BREAK = re.compile(
    r"(?<=[。！？!?”」』])\s+(?=(?:[\u4e00-\u9fa5]{2,4}\s+)?(?:"
    + re.sub(r"\(\?P<\w+>", "(?:", _DATELINE_BODY)
    + r")|《[^》]{2,14}》\s*[（(]\s*\d{4}\s*年)"
)


# A headline run into its report's bracketed dateline on one line (a feed's item: 推出「草莓地圖」 27家園區互相聯繫
# 〔記者鄭淑婷/桃園報導〕苗栗縣盛產草莓…): the headline is a line of its own.
_INLINE_HEADLINE = re.compile(
    r"^(?P<head>[^。！？!?；;，,]{4,40}?)\s+(?=[【〔](?:记者|記者)?\s*(?:[\u4e00-\u9fa5·]{2,4}[\s、/／]+){1,4}[\u4e00-\u9fa5]{2,8}[】〕])"
)
# A crawled table's cell bars around a line (| 〔記者彭健禮/苗栗報導〕…… |) are no part of its text, nor is a site's
# page-break marker left at a line's end ((刘永红摄)pagebreak, #p#分页标题#e#).
_TABLE_BARS = re.compile(r"^\|\s+|\s+\|$|\s*(?:\[?pagebreak\]?|#p#[^#]{0,20}#e#|_ueditor_page_break_tag_)$", re.IGNORECASE)


# A news list crawled into one line: each item its category labels, headline, time and teaser cut with an
# ellipsis (… 地方 神秘男遺落「紅包袋」!… 2021.09.23 17:37 路上紅包不要亂撿!…少... 地方 台中130校…).
_FEED_STAMP = re.compile(r"\s(\d{4}[./-]\d{1,2}[./-]\d{1,2}\s+\d{1,2}:\d{2})\s+")
_FEED_ITEM_END = re.compile(r"(?:(?<=\.\.\.)|(?<=…))\s+")
_FEED_LABELS = re.compile(r"^(?:[\u4e00-\u9fa5]{2}\s+){1,2}(?=\S)")  # 地方, 雲林 政治: the list's tags, no headline


def _feed_items(line: str) -> list[str] | None:
    stamps = list(_FEED_STAMP.finditer(line))
    if len(stamps) < 2:
        return None
    out, pos = [], 0
    for k, stamp in enumerate(stamps):
        before = line[pos : stamp.start()]
        # the item before ends at the last ellipsis with text after it (a headline may end in one too: 判...)
        cuts = [m for m in _FEED_ITEM_END.finditer(before) if before[m.end() :].strip()] if k else []
        if cuts:
            out.append(before[: cuts[-1].start()])
            before = before[cuts[-1].end() :]
        elif k:
            out.append("")  # no teaser end: the text runs on into this headline; keep it whole
        out += [_FEED_LABELS.sub("", before.strip()), stamp.group(1)]
        pos = stamp.end()
    out.append(line[pos:])
    return [part for part in out if part.strip()]


def _unflatten(line: str) -> list[str]:
    line = _TABLE_BARS.sub("", line)
    feed = _feed_items(line)
    if feed:
        return feed
    out = []
    for part in _FLATTENED_BREAK.split(line):
        if not part.strip():
            continue
        head = _INLINE_HEADLINE.match(part)
        out += [head.group("head"), part[head.end() :].lstrip()] if head else [part]
    return out


def split_paragraphs(text: str) -> list[Para]:
    """Paragraphs with their blank-line gaps.

    Pages recovered from print separate paragraphs by blank lines and wrap long headings over
    several lines; plain article files put one paragraph on each line. Which convention a file
    uses is decided from the file itself.
    """
    lines = _join_broken_subtitle(text.split("\n"))
    nonblank = sum(1 for ln in lines if ln.strip())
    blank_separated = nonblank and sum(1 for ln in lines if not ln.strip()) >= 0.5 * nonblank
    paras: list[Para] = []
    gap, buf = 0, []
    def flush() -> None:
        nonlocal buf, gap
        for part in _unflatten("".join(buf)):
            paras.append(Para(part.strip(), "body", gap, len(buf)))
            gap = 0
        buf = []

    for ln in lines + [""]:
        s = ln.strip()
        if not s:
            if buf:
                flush()
                gap = 0
            gap += 1
            continue
        if blank_separated:
            if buf and (
                _META_LINE.match(s)
                or _META_LINE.match(buf[-1])
                or (ln[:1] in " \u3000\t" and is_terminated(buf[-1]))
                or _DATELINE.match(s)
                or _DATELINE.fullmatch(buf[-1])
            ):
                # a line of page furniture is a paragraph of its own, and so is an indented line after a sentence
                # end (an e-paper that indents its paragraphs and leaves blank lines only between some of them); a
                # dateline opens a paragraph (the headline above it is its own), and alone on its line ends one
                flush()
            buf.append(s)
        else:
            for part in _unflatten(s):
                paras.append(Para(part.strip(), "body", gap))
                gap = 0
    if paras:
        paras[0].gap_before = 0
    return paras


def _join_broken_subtitle(lines: list[str]) -> list[str]:
    """A speech's subtitle broken over two lines (see ``_DELIVERED_OPEN``) joined into the first line."""
    for i, line in enumerate(lines):
        s = line.strip()
        if not _DELIVERED_OPEN.match(s) or s.endswith("上"):
            continue
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if nxt is not None and _DELIVERED_CLOSE.match(lines[nxt].strip()):
            return lines[:i] + [line.rstrip() + lines[nxt].strip()] + lines[nxt + 1 :]
    return lines


def _chronicle_entry(paras: list[Para], i: int) -> bool:
    return paras[i].text.startswith("△") and any(_CHRONICLE_DAY.match(q.text) for q in paras[:i])


def classify(paras: list[Para]) -> list[Para]:
    """Tag each paragraph; credit-only lines swallow the short photo description before them."""
    n = len(paras)
    for i, p in enumerate(paras):
        t = p.text
        if _META_LINE.match(t):
            p.kind = "meta"
        elif _SALUTATION.match(t) or _DELIVERED.match(t):
            p.kind = "body"  # 各位代表：, ——…在…会议上: the speech's own text
        elif _DATELINE.fullmatch(t):
            p.kind = "body"  # 本报讯 alone on its line: the dateline of the report below, never a headline
        elif _DATELINE.match(t) and not is_terminated(t) and i > 0:
            p.kind = "body"  # a dateline then a cut text (記者孟憲玉/台北報導 「2025臺灣國際茶業): a report's start
        elif (len(t) <= 60 and _BYLINE.match(t) and not is_terminated(t.rstrip("）)"))) or _SPEAKER.match(t):
            p.kind = "byline"
        elif _CREDIT_END.search(t) and len(t) <= _MAX_CAPTION:
            p.kind = "credit" if len(t) <= 20 else "caption"
        elif _NAME_CREDIT.match(t) and i > 0:
            p.kind = "byline"  # the author of the brief before: (王震)
        elif _bullet_brief(t, [q.text for q in paras[i + 1 : i + 4]]) and not _chronicle_entry(paras, i):
            p.kind, p.brief = "body", True
        elif (t.startswith(("图为", "圖為")) or _CAPTION_OPEN.match(t)) and len(t) <= _MAX_CAPTION and not _chronicle_entry(paras, i):
            p.kind = "caption"
        elif _WORK_CREDIT.match(t) or (i > 0 and _TRAILING_CREDIT.match(t) and _near_end(paras, i, n)):
            p.kind = "byline"
        elif i == 0 and len(t) <= 60 and "。" not in t and not _BYLINE.match(t) and not _SALUTATION.match(t):
            p.kind = "heading"  # a file's first short line is its headline, commas and all
        elif looks_like_heading(t) or (p.lines > 1 and len(t) <= _MAX_HEADLINE and not is_terminated(t)):
            p.kind = "heading"
        if p.kind == "credit" and i > 0 and _is_photo_description(paras, i - 1):
            paras[i - 1].kind = "caption_text"
    _mark_headline_after_credit(paras)
    _mark_headline_over_time(paras)
    _mark_numbered_captions(paras)
    _mark_column_briefs(paras)
    return paras


def _mark_headline_after_credit(paras: list[Para]) -> None:
    """After a report closed by a wire's credit (…吸引賞燈遊客順道造訪。(中央社)), a short line with no sentence
    punctuation is the next report's headline even when it lists with 、 or labels with a colon
    (數發部:MyData線上服務915項 可申辦護照、社宅). So is such a line over a report opening with its dateline, after a
    finished or cut report (花蓮館蜜香紅茶、精品咖啡雙雄齊發… over 記者孟憲玉/台北報導 「2025臺灣…, after …表示...)."""
    for i in range(1, len(paras) - 1):
        p, before, after = paras[i], paras[i - 1], paras[i + 1]
        if (
            p.kind == "body"
            and before.kind == "body"
            and len(p.text) <= _MAX_HEADLINE
            and not is_terminated(p.text)
            and not re.search(r"[，,。；;]", p.text)
            and after.kind == "body"
            and (
                (_CLOSING_CREDIT.search(before.text.rstrip()) and len(after.text) > len(p.text))
                or (is_terminated(before.text) and _DATELINE.match(after.text) is not None)
            )
        ):
            p.kind = "heading"


_TIME_LINE = re.compile(r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}\s+\d{1,2}:\d{2}$")


def _mark_headline_over_time(paras: list[Para]) -> None:
    """A list's item: a short line over its time line (2021.09.17 15:33) and its text is the item's headline, even
    one cut with an ellipsis (烏龍一場!民眾撿小雞疑是藍腹鷳 專家「1顏色」判...)."""
    for i in range(len(paras) - 2):
        p, stamp, after = paras[i], paras[i + 1], paras[i + 2]
        if p.kind == "body" and len(p.text) <= _MAX_HEADLINE and _TIME_LINE.match(stamp.text) and after.kind == "body":
            p.kind = "heading"


# A picture's number opening its caption in a group of pictures: ①.甘肃张掖高台县…村民在翻晒辣椒。
_PICTURE_NUMBER = re.compile(r"^[①-⑳]\s*[.．、]?\s*\S")
_PHOTO_CREDIT = re.compile(r"(?:新华社|新華社|中新社)[发發]|[（(][^（()）]{0,12}(?:摄|攝)[）)]")


def _mark_numbered_captions(paras: list[Para]) -> None:
    """Short paragraphs opening with ① ② … are the captions of a group of pictures when the paragraph before
    them names the pictures (…构成一幅幅金秋丰收图。) or a photo credit closes them (…(新华社发)); else they are
    a list of the text's points (①加快…；②…) and stay body."""
    i, n = 0, len(paras)
    while i < n:
        j = i
        while j < n and paras[j].kind == "body" and _PICTURE_NUMBER.match(paras[j].text) and len(paras[j].text) <= _MAX_CAPTION:
            j += 1
        if j - i >= 2:
            before = paras[i - 1].text if i > 0 else ""
            closing = paras[j].text if j < n and paras[j].kind == "credit" else paras[j - 1].text
            if _PHOTO_CUE.search(before) or _PHOTO_CREDIT.search(closing):
                for q in paras[i:j]:
                    q.kind = "caption"
        i = max(j, i + 1)


_MAX_BRIEF = 400


def _mark_column_briefs(paras: list[Para]) -> None:
    """Under a column of briefs (创城动态 over four township items, no headline or dateline of their own) each
    paragraph is a brief. Not when the column's paragraphs open with datelines or are long: then they are
    reports split by their datelines, or one story."""
    for i, p in enumerate(paras):
        if p.kind != "heading" or not _brief_column().search(p.text):
            continue
        run = []
        for q in paras[i + 1 :]:
            if q.kind in ("meta", "byline"):
                continue
            if q.kind != "body":
                break
            run.append(q)
        if len(run) < 2 or any(_DATELINE.match(q.text) or len(q.text) > _MAX_BRIEF for q in run):
            continue
        if all(is_terminated(q.text) and not starts_mid_sentence(q.text) for q in run):
            for q in run:
                q.brief = True


def _near_end(paras: list[Para], i: int, n: int) -> bool:
    """Only meta lines follow paragraph ``i`` (or none): asked only for a line that could be a trailing credit,
    not for every paragraph (which made a long page quadratic)."""
    return i >= n - 1 or all(q.kind == "meta" or _META_LINE.match(q.text) for q in paras[i + 1 :])


def _is_photo_description(paras: list[Para], j: int) -> bool:
    p = paras[j]
    if p.kind != "body" or len(p.text) > 60 or p.text.count("。") > 1:
        return False
    before_open = j > 0 and paras[j - 1].kind == "body" and not is_terminated(paras[j - 1].text)
    return p.gap_before >= 2 or before_open


# --- page level ------------------------------------------------------------------------------


@dataclass
class _Segment:
    paras: list[tuple[str, str]]  # (kind, text): body or heading (subhead)
    start_article: int | None  # index of the article this segment opens, if any
    after_open: bool  # follows a paragraph that stopped mid-sentence
    dated: bool = False  # its first paragraph opened with a dateline

    @property
    def body_text(self) -> str:
        return "\n".join(t for _, t in self.paras)


_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


# A list of posts whose headline is in 【】 at the paragraph's start with the story after it on the same line (a 微博
# repost: @中新网:【福建多地降雪 …】新一轮寒潮7日抵达福建…): the headline a paragraph of its own, the account the
# post's source. Only where two paragraphs or more are such posts: one text opening with 【…】 is no list.
_BRACKET_POST = re.compile(r"^(?:@(?P<account>[^\s:：@]{1,24})\s*[:：]\s*)?【(?P<head>[^【】]{6,60})】\s*(?P<body>\S.{19,})$")
# A roundup's item labelled with its place in 【】 before its headline (【辽宁】大连一市场发生火情致8人死亡,1名消防员殉职):
# the headline of a report where two or more such labelled lines are on the page.
_REGION_LABEL = re.compile(r"^【(?P<label>[^【】\s]{2,8})】\s*(?P<head>\S.{3,}?)$")


_BARE_NAME = re.compile(r"^\s*[\u4e00-\u9fa5]{2,4}\s*$")
_NUMBER_LINE = re.compile(r"^0?([1-9]|[1-9]\d)$")


def _number_lines(paras: list[Para]) -> list[Para]:
    """Items numbered on lines of their own (a WeChat page's 01 / 甘肃山丹:娃娃菜喜丰收 / …, 02 / …), numbered 1, 2, 3…
    from the first: each number joins the headline under it (1. 甘肃山丹:…), as a numbered list writes it."""
    hits = [
        i for i, p in enumerate(paras[:-1])
        if p.kind == "heading" and _NUMBER_LINE.match(p.text.strip()) and paras[i + 1].kind == "heading"
    ]  # fmt: skip
    numbers = [int(_NUMBER_LINE.match(paras[i].text.strip()).group(1)) for i in hits]
    if len(hits) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return paras
    drop = set(hits)
    for i, k in zip(hits, numbers, strict=True):
        paras[i + 1] = Para(f"{k}. {paras[i + 1].text}", "heading", paras[i].gap_before)
    return [p for i, p in enumerate(paras) if i not in drop]


def _bracket_posts(paras: list[Para]) -> list[Para]:
    hits = [_BRACKET_POST.match(p.text) if p.kind == "body" else None for p in paras]
    hits = [m if m and not _DATELINE.match(f"【{m.group('head')}】") and not is_terminated(m.group("head")) else None for m in hits]
    if sum(1 for m in hits if m) < 2:
        return paras
    out: list[Para] = []
    for p, m in zip(paras, hits, strict=True):
        if not m:
            out.append(p)
            continue
        out.append(Para(m.group("head").strip(), "heading", p.gap_before))
        out.append(Para(m.group("body").strip(), "body"))
        if m.group("account"):
            out.append(Para(f"来源：{m.group('account')}", "meta"))  # the post's source, recorded by _record_meta
    return out


def _mark_region_labels(paras: list[Para], place_counter: PlaceCounter | None) -> set[int]:
    """Lines 【place】headline over a body, two or more on the page: each opens a report (returns their indexes)."""
    found = []
    for i, p in enumerate(paras[:-1]):
        m = _REGION_LABEL.match(p.text)
        if (
            not m
            or paras[i + 1].kind != "body"
            or len(m.group("head")) > _MAX_HEADLINE
            or is_terminated(m.group("head"))
            or _DATELINE.match(p.text)
            or (place_counter is not None and not place_counter(m.group("label")))
        ):
            continue
        found.append(i)
    if len(found) < 2:
        return set()
    for i in found:
        paras[i].kind = "heading"
    return set(found)


def layout(text: str, place_counter: PlaceCounter | None = None) -> list[Piece]:
    """Split one document's text into articles."""
    # an archive that kept its HTML line breaks as text (…第2版(要闻)<br/>专栏:<br/>): they are line breaks
    paras = _number_lines(_bracket_posts(_fold_read_more(classify(split_paragraphs(_BR_TAG.sub("\n", text))))))
    if not paras:
        return []
    if place_counter is not None:
        place_counter = _memo(place_counter)
    labelled = _mark_region_labels(paras, place_counter)
    items = _photo_items(paras, place_counter)
    if items:
        return items
    pieces, segments, orphan_headings, captions = _scan(paras, place_counter, labelled)
    if len(captions) >= 2 and _only_leads(segments, place_counter, captions):
        # A page of pictures (各地收割晚稻: 11月1日,江西省靖安縣…收割晚稻。新華社發(徐仲庭 攝), …): no report but the
        # captions, each about its own place: each caption is a report of its own. A short lead over them that
        # names no place of its own (金秋十月,全国各地农作物陆续进入收获季节…) stays an article of its own.
        leads = pieces or [Piece()]
        for seg in segments:
            _append(leads[seg.start_article or 0], seg)
        return [p for p in leads if p.paragraphs] + [_caption_report(caption) for caption, _ in captions]
    targets = _assign(pieces, segments, place_counter)
    _place_captions(pieces, captions, targets, place_counter)
    _place_orphan_headings(pieces, orphan_headings, place_counter)
    pieces = [p for p in pieces if p.paragraphs or p.title]
    for p in pieces:
        if not p.title and p.subheads and not p.paragraphs:
            p.title = p.subheads.pop(0)
    return pieces


_MAX_LEAD = 200
_PICTURE_TEXT = ("body", "caption", "caption_text")


def _top_places(counts: Counter) -> set[str]:
    """The places a text names most (山东省枣庄市山亭区: 枣庄 twice, 山东 once), the nation left out."""
    counts = Counter({k: v for k, v in counts.items() if k not in ("全国", "中国")})
    top = max(counts.values(), default=0)
    return {k for k, v in counts.items() if v == top}


def _photo_items(paras: list[Para], place_counter: PlaceCounter | None) -> list[Piece]:
    """A page of photo items (a wire's pictures: each a caption and maybe a lead, closed by its credit line 新华社记者
    张楠 摄, about a place of its own): each item is a report, its credit its byline; text after the last credit (a
    lead about 各地) an article of its own. Only when every item is short and each names other places than the item
    before it: a photo essay about one place, or a report with two pictures, stays as it is."""
    if place_counter is None:
        return []
    groups: list[tuple[list[str], str]] = []
    texts: list[str] = []
    started = False
    for p in paras:
        if p.kind == "credit" or (p.kind == "byline" and _CREDIT_END.search(p.text)):
            if not texts:
                return []
            groups.append((texts, p.text))
            texts = []
        elif p.kind in _PICTURE_TEXT:
            if _DATELINE.fullmatch(p.text):
                continue  # 新华社照片,北京,2024年9月22日 over the picture: where it was sent from
            texts.append(p.text)
            started = True
        elif p.kind == "meta" or (p.kind == "heading" and not started):
            continue  # the page's title and record lines above the items, furniture anywhere
        else:
            return []
    if len(groups) < 2 or any(sum(map(len, t)) > 2 * _MAX_LEAD for t, _ in groups):
        return []
    places = [_top_places(place_counter(" ".join(t))) for t, _ in groups]
    # each item about other places than the one before: each names one the other does not (江西省樂安縣 after
    # 江西省永豐縣: the province is shared, the counties are not; 南昌 after 江西省南昌市 is the same place)
    if not all(places) or any(not (a - b and b - a) for a, b in pairwise(places)):
        return []
    pieces = [Piece(paragraphs=t, byline=_clean_byline(credit)) for t, credit in groups]
    if texts and sum(map(len, texts)) <= 2 * _MAX_LEAD:
        pieces.append(Piece(paragraphs=texts))
    elif texts:
        return []
    return pieces
# A photo credit closing a caption: …收割晚稻。(新华社发), …收获地瓜。 新华社发(刘明祥 摄)
_CAPTION_CREDIT = re.compile(
    r"\s*(?:(?:新华社|新華社|中新社)[发發]\s*)?[（(][^（()）]{0,20}(?:摄|攝|发|發|供图|供圖)\s*[）)]$"
    r"|\s*(?:新华社|新華社|中新社)[发發]\s*[（(][^（()）]{0,20}[）)]$"
    r"|\s+[\u4e00-\u9fa5·]{2,4}(?:[\s、]+[\u4e00-\u9fa5·]{2,4}){0,2}\s*(?:摄|攝)$"  # …收获的萝卜装车 汤德宏 摄
    # …进行秧苗管理。 尚宇傑攝(人民視覺), …炒制春茶。 崔 佳 齊嵐森攝影報道(人民視覺): a name may be spaced out (崔 佳)
    r"|(?<=[。！？!?])\s*[\u4e00-\u9fa5·]{1,4}(?:[\s、]+[\u4e00-\u9fa5·]{1,4}){0,3}\s*(?:摄|攝)(?:影报道|影報道)?\s*[（(][^（()）]{2,8}[）)]$"
)


def _caption_report(caption: str) -> Piece:
    """A caption as a report of its own; its photo credit is its byline, not its text (新华社 names no place of it)."""
    m = _CAPTION_CREDIT.search(caption)
    if not m or m.start() == 0:
        return Piece(paragraphs=[caption])
    return Piece(paragraphs=[caption[: m.start()]], byline=_clean_byline(m.group(0)))


def _only_leads(
    segments: list[_Segment], place_counter: PlaceCounter | None, captions: list[tuple[str, int]] = ()
) -> bool:
    """No report on the page but the captions: at most one short paragraph, above or below them, naming no place
    but the nation (各地, 全国各地) or the one region all the pictures are in (秋意渐浓…吕梁山 over 图①为…离石区…,
    图②为…交城县…: a city paper's lead over pictures of its counties)."""
    if not segments:
        return True
    if len(segments) > 1:
        return False  # one lead, above the captions or below them (多地的粮食…进入收获季 after five captions)
    text = segments[0].body_text
    if len(text) > _MAX_LEAD or text.count("\n") > 0:
        return False
    places = set(place_counter(text) if place_counter else Counter()) - {"全国", "中国"}
    if not places:
        return True
    pictured = [set(place_counter(c)) - {"全国", "中国"} for c, _ in captions] if place_counter else []
    return len(places) == 1 and bool(pictured) and all(p == places for p in pictured)


_WIRE_CREDIT_ONLY = re.compile(r"^(?:新华社|新華社|中新社)[发發]$")


def _scan(
    paras: list[Para], place_counter: PlaceCounter | None = None, labelled: set[int] = frozenset()
) -> tuple[list[Piece], list[_Segment], list[list[str]], list[tuple[str, int]]]:
    """One pass: find article starts, captions and the segments of body between breaks."""
    pieces: list[Piece] = []
    segments: list[_Segment] = []
    orphans: list[list[str]] = []
    current: _Segment | None = None
    i, n = 0, len(paras)
    pending_caption: list[str] = []
    captions: list[tuple[str, int]] = []  # (caption, index of the segment printed before it)
    furniture_since_body = False  # a page archive's edition and column lines (第1版(要闻), 专栏:) since the last body
    listed = _numbered_briefs(paras, place_counter)
    column_of_next = ""  # a list's name, for the item under it
    signed = False  # a report's writer was just named on a line of his own, after its last sentence: (秦时伟)

    def close() -> None:
        nonlocal current
        if current and current.paras:
            segments.append(current)
        current = None

    def open_segment(start_article: int | None) -> _Segment:
        prev_open = bool(segments or current) and _last_open(segments, current)
        return _Segment([], start_article, prev_open)

    while i < n:
        p = paras[i]
        if p.kind in ("caption", "caption_text", "credit"):
            # Captions break the flow; text after them may belong to any open article.
            if current and current.paras:
                close()
            if p.kind == "credit" and not pending_caption and captions and i > 0 and paras[i - 1].kind == "caption":
                # a photo credit under its caption (上图:…收获地瓜。 / 新华社发(刘明祥 摄)) is the caption's
                captions[-1] = (captions[-1][0] + " " + p.text, captions[-1][1])
                i += 1
                continue
            if p.kind == "credit" and not pending_caption and current is not None and not current.paras \
                    and current.start_article == len(pieces) - 1 and pieces and not pieces[-1].paragraphs:
                # a photographer's credit right under the item's headline: its byline (张三 摄 -> 张三)
                _set_byline(pieces[-1], re.sub(r"\s*(?:摄|攝|摄影|攝影)$", "", p.text.strip()))
                i += 1
                continue
            if p.kind == "credit" and not pending_caption and _WIRE_CREDIT_ONLY.match(p.text):
                i += 1  # 新华社发 alone between a lead and its pictures: the page's credit, no caption of its own
                continue
            pending_caption.append(p.text)
            if p.kind != "caption_text":
                captions.append((" ".join(pending_caption), len(segments) - 1))
                pending_caption = []
            i += 1
            continue
        if p.kind == "meta":
            _record_meta(pieces, p.text)
            furniture_since_body = True
            i += 1
            continue
        if p.kind == "heading":
            j = i
            # A numbered heading (一、农业生产形势稳定) opens a section: it never joins the headline's group.
            # So does a roundup's labelled headline (【湖北】…): lines above it (the page's date, its writer) are not its.
            while j < n and paras[j].kind == "heading" and not (j > i and (_LIST_MARKER.match(paras[j].text) or j in labelled)):
                j += 1
            group = [q.text for q in paras[i:j]]
            # the paragraph under the headline, past a list item's time line (2021.09.23 18:11)
            k = j + 1 if j < n and paras[j].kind == "meta" and _TIME_LINE.match(paras[j].text) else j
            nxt = paras[k] if k < n else None
            starts_article = (
                (not pieces)
                or (nxt is not None and (nxt.kind == "byline" or _DATELINE.match(nxt.text) is not None))
                or _new_report_headline(group, nxt, pieces[-1], segments, current, place_counter)
                or (_report_closed(segments, current, furniture_since_body) and _body_follows(nxt, group))
            )
            numbered = bool(_LIST_MARKER.match(group[0])) and i not in listed
            starts_article = starts_article or i in listed or i in labelled
            if not starts_article and furniture_since_body and pieces and not pieces[-1].paragraphs and current is not None \
                    and current.start_article == len(pieces) - 1 and not current.paras and _body_follows(nxt, group):
                # a list's name over its first item, a separator between (頭條 / - / 林鄭月娥探訪…): the name is the column
                list_name = pieces.pop()
                column_of_next = list_name.column or list_name.title
                current = None
                starts_article = True
            credited = ""
            if i in listed:
                group = [_ARABIC_ITEM.sub("", group[0]).strip(), *group[1:]]  # the brief's number is no part of its headline
                while len(group) > 1 and _BARE_NAME.match(group[-1]):
                    credited = group.pop().strip()  # a photographer's name under the item's headline (姚中吉)
            if starts_article and not (numbered and pieces):
                close()
                if _column_over_briefs(paras, j):
                    # 三秦短波 over △ briefs: the column's name, not the first brief's headline
                    pieces.append(Piece(column=" ".join(group)))
                else:
                    pieces.append(_piece_from_headings(group, nxt is not None and _DATELINE.match(nxt.text) is not None))
                    if column_of_next:
                        pieces[-1].column, column_of_next = column_of_next, ""
                    if credited:
                        _set_byline(pieces[-1], credited)
                    label = _REGION_LABEL.match(group[-1]) if i in labelled else None
                    if label:  # 【辽宁】 is the item's place label, no part of its headline
                        pieces[-1].title = label.group("head").strip()
                        pieces[-1].kicker = " ".join(k for k in (pieces[-1].kicker, label.group("label")) if k)
                current = _Segment([], len(pieces) - 1, False)
            elif (nxt is None or nxt.kind == "heading") and not numbered:
                orphans.append(group)
            else:
                if current is None:
                    current = open_segment(None)
                current.paras.extend(("heading", g) for g in group)
            i = j
            continue
        if p.kind == "byline":
            own = (
                pieces
                and current is not None
                and current.start_article == len(pieces) - 1
                and not any(k == "body" for k, _ in current.paras)
            )
            has_body_after = any(q.kind == "body" for q in paras[i + 1 : i + 3])
            if own or not pieces:
                if not pieces:
                    pieces.append(Piece())
                    current = _Segment([], 0, False)
                _set_byline(pieces[-1], p.text)
            elif _REPORTER_LINE.match(p.text) and has_body_after:
                close()
                pieces.append(Piece(byline=_clean_byline(p.text)))
                current = _Segment([], len(pieces) - 1, False)
            else:
                _set_byline(pieces[-1], p.text)
                signed = bool(_NAME_CREDIT.match(p.text)) and current is not None and _report_ended(segments, current)
            i += 1
            continue
        # body
        text = p.text
        furniture_since_body = False
        after_signature, signed = signed, False
        if not pieces:
            pieces.append(Piece())
            current = _Segment([], 0, False)
        elif (
            (_opens_report(text) and _report_ended(segments, current) and not _lead_then_dateline(pieces, current))
            or (p.brief and current is not None and any(k == "body" for k, _ in current.paras))
            or _next_photo_report(paras, i, segments, current, place_counter)
            or (after_signature and _about_other_places(text, current, place_counter))
        ):
            # A page of briefs: the next report opens with its dateline (山东 本报济南10月6日电…, 本报讯(…))
            # right after the previous one ended, with no headline of its own.
            close()
            pieces.append(Piece())
            current = _Segment([], len(pieces) - 1, False)
        if current is not None and current.start_article is not None and (
            not current.paras or (_opens_report(text) and _lead_then_dateline(pieces, current))
        ):
            stripped = _strip_dateline(pieces[current.start_article], text)
            current.dated = current.dated or stripped != text
            text = stripped
            if not text:
                i += 1
                continue
        if current is None:
            current = open_segment(None)
        elif (
            current.paras
            and current.paras[-1][0] == "body"
            and (not is_terminated(current.paras[-1][1]) or starts_mid_sentence(text))
            and not _STANDS_ALONE.match(current.paras[-1][1])
        ):
            close()
            current = open_segment(None)
        current.paras.append(("body", text))
        i += 1
    close()
    return pieces, segments, orphans, captions


def _about_other_places(text: str, current: _Segment | None, place_counter: PlaceCounter | None) -> bool:
    """After a signed report (…皆大欢喜。 / (秦时伟)), a paragraph that names other places than it and none of its
    own opens the next report (中共江苏省委… after 中共甘肃省委…)."""
    if place_counter is None or current is None or not current.paras or starts_mid_sentence(text):
        return False
    new, old = _top_places(place_counter(text)), _top_places(place_counter(current.body_text))
    return bool(new) and bool(old) and not (new & old)


def _next_photo_report(
    paras: list[Para], i: int, segments: list[_Segment], current: _Segment | None, place_counter: PlaceCounter | None
) -> bool:
    """A page of photo reports (a short lead, its 图为 caption and credit, then the next place's lead): after a
    picture, a short report's paragraphs are over when the next paragraph names other places and none of its own."""
    if place_counter is None or i == 0 or paras[i - 1].kind not in ("caption", "credit", "caption_text"):
        return False
    if (current is not None and current.paras) or not segments:
        return False
    if current is not None and current.start_article is not None:
        return False  # the item's headline (and its picture's credit) was just printed: this is its text
    before = segments[-1]
    if len(before.body_text) > 2 * _MAX_LEAD or not is_terminated(before.body_text):
        return False
    if any(seg.paras and seg.paras[-1][0] == "body" and not is_terminated(seg.paras[-1][1]) for seg in segments):
        return False  # a report broken off mid-sentence goes on after the picture (…这些企业将 / 图 / 在成都布局…)
    new, old = set(place_counter(paras[i].text)), set(place_counter(before.body_text))
    return bool(new) and bool(old) and not (new & old) and not starts_mid_sentence(paras[i].text)


_ARABIC_ITEM = re.compile(r"^(\d{1,2})\s*[.．、](?!\d)")


def _numbered_briefs(paras: list[Para], place_counter: PlaceCounter | None) -> set[int]:
    """A list of news briefs (1. 巴東官員毆打外地記者… / its paragraph / 2. …): headings numbered 1, 2, 3… each over one or
    two short paragraphs, about other places than the item before: each opens a report. A report's numbered
    sections (1. 加强… over their paragraphs, about one place) stay sections."""
    items: list[tuple[int, int, str]] = []  # (heading index, number, its text)
    for i, p in enumerate(paras):
        m = _ARABIC_ITEM.match(p.text) if p.kind == "heading" else None
        if not m:
            continue
        body = []
        for q in paras[i + 1 : i + 4]:
            if not body and (q.kind == "credit" or (q.kind == "heading" and _BARE_NAME.match(q.text))):
                continue  # a picture's credit under the item's headline (王将 摄, 姚中吉), its caption after it
            if q.kind != "body":
                break
            body.append(q.text)
        if not body or len(body) > 2 or sum(map(len, body)) > 2 * _MAX_LEAD:
            continue
        items.append((i, int(m.group(1)), p.text + " " + " ".join(body)))
    if len(items) < 2 or [n for _, n, _ in items] != list(range(items[0][1], items[0][1] + len(items))):
        return set()
    if place_counter is not None:
        places = [_top_places(place_counter(t)) for _, _, t in items]
        if any(a and a == b for a, b in pairwise(places)) or len({frozenset(p) for p in places}) < 2:
            return set()
    return {i for i, _, _ in items}


def _report_closed(segments: list[_Segment], current: _Segment | None, furniture_since_body: bool) -> bool:
    """The report before is over for sure, not only at a sentence end: a wire's credit closes its last paragraph
    (…展期13天。(中央社)), or page furniture was printed after it (a page archive's 第1版(要闻) / 专栏:新闻简报 over
    each item). A headline after that opens the next report whatever places it names."""
    if not _report_ended(segments, current):
        return False
    seg = current if current and current.paras else (segments[-1] if segments else None)
    last = next((t for k, t in reversed(seg.paras) if k == "body"), "") if seg else ""
    return (
        furniture_since_body
        or bool(_CLOSING_CREDIT.search(last.rstrip()))
        or ends_with_read_more(last)
        or bool(_TEASER_CUT.search(last.rstrip()))
    )


# A list page's teaser cut with one ellipsis (…祥納福。…, 遷...): the item is over. Chinese prose writes its
# ellipsis doubled (……), which does not end a report.
_TEASER_CUT = re.compile(r"(?<![…])…$|(?<!\.)\.{3}$")


def _body_follows(nxt: Para | None, group: list[str]) -> bool:
    return (
        nxt is not None and nxt.kind == "body" and not starts_mid_sentence(nxt.text) and not _LIST_MARKER.match(group[0])
    )


def _column_over_briefs(paras: list[Para], j: int) -> bool:
    """The paragraph after a heading, past page furniture (刊发日期:…), opens a brief: the heading names the column."""
    nxt = next((q for q in paras[j:] if q.kind != "meta"), None)
    return nxt is not None and nxt.brief


def _last_open(segments: list[_Segment], current: _Segment | None) -> bool:
    seg = current if current and current.paras else (segments[-1] if segments else None)
    return bool(seg and seg.paras and seg.paras[-1][0] == "body" and not is_terminated(seg.paras[-1][1]))


def _opens_report(text: str) -> bool:
    return bool(_DATELINE.match(text) or _LABELLED_DATELINE.match(text))


def _lead_then_dateline(pieces: list[Piece], current: _Segment | None) -> bool:
    """A list page's item: its headline, a one-sentence summary, then the story under its dateline (盧秀燕赴日… /
    市長盧秀燕登機前…表示… / 【記者彭勝郎台中報導】台中市長…): the dateline goes on the report its headline opened.
    (A brief that opened with its own dateline is over when the next dateline comes.)"""
    return (
        current is not None
        and current.start_article == len(pieces) - 1
        and bool(pieces[-1].title)
        and not current.dated
        and len(current.paras) == 1
        and current.paras[0][0] == "body"
        and len(current.paras[0][1]) <= _MAX_LEAD
        and current.paras[0][1].count("。") <= 1
        and not _TEASER_CUT.search(current.paras[0][1].rstrip())
    )


def _report_ended(segments: list[_Segment], current: _Segment | None) -> bool:
    """The text so far has ended a report: its last body paragraph ends a sentence (a subhead after it does
    not count), and no article was just opened by a headline."""
    if current is not None and current.start_article is not None and not current.paras:
        return False
    seg = current if current and current.paras else (segments[-1] if segments else None)
    bodies = [t for k, t in seg.paras if k == "body"] if seg else []
    return bool(bodies) and is_terminated(bodies[-1])


# A headline that opens with an administrative unit's name (酉阳县2025年…, 泉州市…：): a place even where
# the gazetteer does not know the name.
_ADMIN_HEAD = re.compile(
    r"^[\u4e00-\u9fa5]{1,8}?(?:省|市|县|区|旗|州|盟)(?=\d{4}\s*年|\d{1,2}\s*[-—–]|[：:·])"
)


def _new_report_headline(
    group: list[str],
    nxt: Para | None,
    last: Piece,
    segments: list[_Segment],
    current: _Segment | None,
    place_counter: PlaceCounter | None,
) -> bool:
    """A headline opens the next report of a page of briefs (not a subhead of the report before) when the
    report before has ended, the headline names a place that report's headline does not (a subhead of a
    roundup names a place of its headline: 宁德 under 福建…：泉州…，宁德…), and a report follows."""
    if nxt is None or nxt.kind != "body" or starts_mid_sentence(nxt.text) or _LIST_MARKER.match(group[0]):
        return False
    if not _report_ended(segments, current):
        return False
    if last.column and len(group) >= 2 and len(group[0]) <= _COLUMN_LABEL_MAX and group[0] != last.column:
        # a list of labelled items (台北 / 士林官邸 野放黃緣螢 / …, then 金門 / 烈嶼南山頭四營區 開幕): the item before
        # was opened by a place label over its headline, and this group is one too, whatever the label names
        return True
    head = " ".join(group)
    named = " ".join((last.title, last.kicker))
    places = place_counter(head) if place_counter else Counter()
    if places:
        return not (set(places) & set(place_counter(named)))
    admin = _ADMIN_HEAD.match(group[-1])
    return bool(admin) and admin.group(0) not in named


def _assign(pieces: list[Piece], segments: list[_Segment], place_counter: PlaceCounter | None) -> list[int]:
    """Give each segment to an article (returns the article index of each segment);
    rejoin sentences broken across fragments."""
    flow: int | None = None
    targets: list[int] = []
    for seg in segments:
        if seg.start_article is not None:
            target = seg.start_article
        else:
            target = _best_article(pieces, seg, flow, place_counter)
        _append(pieces[target], seg)
        targets.append(target)
        flow = target
    return targets


def _place_captions(
    pieces: list[Piece],
    captions: list[tuple[str, int]],
    targets: list[int],
    place_counter: PlaceCounter | None,
) -> None:
    """A caption goes with the article printed just before it unless its places say otherwise."""
    if not pieces:
        return
    for caption, seg_index in captions:
        places = place_counter(caption) if place_counter else Counter()
        if seg_index < 0 and len(pieces) > 1:
            # A caption block above every report of a page of briefs: a caption goes to the report whose
            # places it names, or to none (a caption of a picture not on the page is dropped).
            fits = [k for k in range(len(pieces)) if _place_affinity(places, pieces[k], place_counter) > 0]
            if fits:
                best = max(fits, key=lambda k: _place_affinity(places, pieces[k], place_counter))
                pieces[best].captions.append(caption)
            continue
        flow = targets[seg_index] if 0 <= seg_index < len(targets) else 0
        best = max(
            range(len(pieces)),
            key=lambda k: (
                _place_affinity(places, pieces[k], place_counter) + (0.5 if k == flow else 0),
                k == flow,
            ),
        )
        pieces[best].captions.append(caption)


def _best_article(
    pieces: list[Piece], seg: _Segment, flow: int | None, place_counter: PlaceCounter | None
) -> int:
    first = next((t for k, t in seg.paras if k == "body"), "")
    mid = starts_mid_sentence(first)
    open_ids = [k for k, p in enumerate(pieces) if p.is_open]
    candidates = open_ids if (mid or seg.after_open) and open_ids else list(range(len(pieces)))
    if mid and open_ids:
        candidates = open_ids
    scores: dict[int, float] = {}
    seg_places = place_counter(seg.body_text) if place_counter else Counter()
    for k in candidates:
        score = _place_affinity(seg_places, pieces[k], place_counter)
        if k == flow:
            score += 0.5  # the flow continues unless the places say otherwise
        if pieces[k].is_open and (mid or seg.after_open):
            score += 0.25
        scores[k] = score
    return max(candidates, key=lambda k: (scores[k], k == flow, -k))


def _place_affinity(seg_places: Counter, piece: Piece, place_counter: PlaceCounter | None) -> float:
    """How strongly a segment's places match an article's places so far (0..n)."""
    if not seg_places or place_counter is None:
        return 0.0
    art = _piece_places(piece, place_counter)
    total = sum(art.values())
    if not total:
        return 0.0
    return sum(n * art[r] / total for r, n in seg_places.items())


def _memo(place_counter: PlaceCounter) -> PlaceCounter:
    """``place_counter`` answering each distinct text once: an article's paragraphs are counted again
    for every fragment weighed against it, which made long pages quadratic."""
    seen: dict[str, Counter] = {}

    def count(text: str) -> Counter:
        if text not in seen:
            seen[text] = place_counter(text)
        return seen[text]

    count.piece_totals = {}  # id(piece) -> (its parts, their summed places): see _piece_places
    return count


def _piece_places(piece: Piece, place_counter: PlaceCounter) -> Counter:
    """The places of an article so far: those of ``" ".join([title, kicker, text])``, summed over its
    lines (see ``PlaceCounter``), so a growing article costs only its new paragraph."""
    parts = (piece.title, piece.kicker, *piece.paragraphs)
    # Every fragment is weighed against every article: an article that did not change since is summed once.
    memo = getattr(place_counter, "piece_totals", None)
    if memo is not None and (hit := memo.get(id(piece))) is not None and hit[0] == parts:
        return hit[1]
    total: Counter = Counter()
    for part in parts:
        total.update(place_counter(part))
    if memo is not None:
        memo[id(piece)] = (parts, total)
    return total


def _numbered_heading(text: str) -> bool:
    """六、项目建设推进有力，投资总额较快增长: a numbered section heading, however it is punctuated inside, is a line
    of its own; the paragraph after it is not the rest of a broken sentence."""
    t = text.strip()
    return bool(re.match(r"[一二三四五六七八九十]{1,3}、", t)) and len(t) <= 40 and not re.search("[。！？!?；;：:]", t)


def _append(piece: Piece, seg: _Segment) -> None:
    for idx, (kind, text) in enumerate(seg.paras):
        if kind == "heading":
            piece.subheads.append(text)
            piece.paragraphs.append(text)
            continue
        if idx == 0 and piece.paragraphs and not is_terminated(piece.paragraphs[-1]) and not _numbered_heading(piece.paragraphs[-1]):
            # Rejoin a sentence broken across fragments: '...目前已经' + '在园区内注册成立...'.
            piece.paragraphs[-1] += text
        else:
            piece.paragraphs.append(text)


def _place_orphan_headings(
    pieces: list[Piece], orphans: list[list[str]], place_counter: PlaceCounter | None
) -> None:
    """A headline group printed away from its body goes to an article that has none."""
    for group in orphans:
        # Only articles that opened with a byline lack a printed headline on purpose.
        headless = [k for k, p in enumerate(pieces) if not p.title and p.byline]
        if not headless:
            continue
        if place_counter and len(headless) > 1:
            places = place_counter(" ".join(group))
            k = max(headless, key=lambda k: _place_affinity(places, pieces[k], place_counter))
        else:
            k = headless[0]
        head = _piece_from_headings(group)
        pieces[k].title, pieces[k].kicker = head.title, head.kicker
        pieces[k].column = pieces[k].column or head.column


_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


_HEAD_BULLET = re.compile(r"^\s*[丨▍▌■●◆◇□|]\s*(?=\S)")


def _piece_from_headings(group: list[str], before_dateline: bool = False) -> Piece:
    # A crawled table cell's closing bar is not the headline's (各地群众欢度佳节 |).
    group = [re.sub(r"\s*\|$", "", g) for g in group]
    column = ""
    if len(group) >= 2 and len(group[0]) <= _COLUMN_LABEL_MAX:
        column = group.pop(0)
    # A line opening with a dash is the subtitle (副题) under the headline, never the headline.
    # A headline's bullet (丨甘肅肅北4.7級地震…, ▍…) is no part of it.
    group = [_HEAD_BULLET.sub("", g) or g for g in group]
    mains = [g for g in group if not g.lstrip().startswith(("—", "－", "--"))]
    title = (mains or group or [""])[-1]
    if before_dateline and len(mains) == 3 == len(group) and not any(_DATE_LINE.match(g) for g in group):
        # a report's 肩题, 主题, 副题 over its dateline (执行和平解放西藏办法协议 / 人民解放军进抵拉萨 / 各族人民…列队欢迎
        # / 【新华社重庆十四日电】): the middle line is the headline
        title = mains[1]
    kicker = " ".join(g for g in group if g is not title)
    return Piece(title=title, kicker=kicker, column=column)


def _record_meta(pieces: list[Piece], text: str) -> None:
    parts = re.split(r"[：:]", text, maxsplit=1)
    if not pieces or len(parts) < 2:
        return  # furniture without a field (打印本页, 版权所有 …) records nothing
    key, value = parts
    value = value.strip().strip("《》")
    if key in ("来源", "文章来源"):
        pieces[-1].source = pieces[-1].source or value
    elif key == "原标题":
        pieces[-1].original_title = value


def _strip_dateline(piece: Piece, text: str) -> str:
    """'科技日报讯(记者李丽云 朱虹)5月17日，…' -> byline recorded, body starts at '5月17日'."""
    labelled = _LABELLED_DATELINE.match(text)
    if labelled:
        # The place label before a brief's dateline is its headline (山东 本报济南10月6日电 …); a headline
        # printed above it heads the group of briefs and becomes its kicker.
        piece.kicker = " ".join(k for k in (piece.kicker, piece.title) if k)
        piece.title = labelled.group("label")
        text = text[labelled.end() :]
    m = _DATELINE.match(text)
    if not m:
        return text
    credit = m.group("credit") or m.group("credit3") or m.group("credit9") or m.group("credit10")
    if credit and re.search(r"记者|記者|通讯员|通訊員", credit):
        _set_byline(piece, credit)
    rest = text[m.end() :].lstrip()
    rest = re.sub(r"^题[：:].*$", "", rest)  # 中新社…电 题：<headline repeated>
    return rest.strip()


def _clean_byline(text: str) -> str:
    t = text.strip().strip("（）()").lstrip("◎").strip()
    t = re.sub(r"[（(]([^（()）]*)[）)]?$", r" \1", t)  # 新華社發(曾文才 攝): the photographer after the wire
    t = re.sub(r"(记者|通讯员|作者|编辑|实习生)\s*[：:丨|]?\s*", r"\1 ", t)
    return re.sub(r"\s+", " ", t).strip()


def _set_byline(piece: Piece, text: str) -> None:
    if not piece.byline:
        piece.byline = _clean_byline(text)


def reporters(byline: str) -> list[str]:
    """Names in a byline: '本报记者 魏依晨 通讯员 郑欢' -> ['魏依晨', '郑欢']."""
    names = []
    for tok in re.split(r"[\s、，,]+", byline):
        tok = re.sub(r"[/／∕].*$", "", tok)  # 記者謝新鈕/南投報導 (or ∕): the place it was filed from is no name
        tok = re.sub(r"^.*?(记者|記者|通讯员|通訊員|作者|实习生|實習生)", "", tok)
        if re.fullmatch(r"[\u4e00-\u9fa5·]{2,4}", tok) and not re.search(r"编辑|记者|报道|新闻|频道|新华社|新華社|中新社", tok):
            names.append(tok)
    return names
