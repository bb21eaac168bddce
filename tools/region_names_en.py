"""Write data/gazetteer/names_en.csv: the English name of every region the gazetteer knows, for the
dashboard's English mode.

Provinces, prefectures and counties get their pinyin (pypinyin 0.55.0, phrase-aware, so 重庆 is
Chongqing and 长沙 Changsha), with an apostrophe before a syllable that starts with a vowel (Xi'an).
Provinces and a few well-known cities use their official English names (Shaanxi, Inner Mongolia,
Harbin, Urumqi ...); macro regions and foreign places, where pinyin would be wrong, are named below.

    .venv/bin/pip install pypinyin==0.55.0   # in requirements-dev.txt; the dashboard does not need it
    .venv/bin/python tools/region_names_en.py

The output is data: review its diff like any other data change.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lib.paths import GAZETTEER_DIR  # noqa: E402

OUT = GAZETTEER_DIR / "names_en.csv"

OFFICIAL = {
    "内蒙古": "Inner Mongolia", "广西": "Guangxi", "西藏": "Tibet", "陕西": "Shaanxi", "宁夏": "Ningxia",
    "新疆": "Xinjiang", "香港": "Hong Kong", "澳门": "Macao", "台湾": "Taiwan",
    "哈尔滨": "Harbin", "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "拉萨": "Lhasa", "喀什": "Kashgar",
    "包头": "Baotou", "鄂尔多斯": "Ordos", "日喀则": "Shigatse", "吐鲁番": "Turpan",
    "滨海": "Binhai", "雄安": "Xiong'an",
    # polyphones pypinyin reads as in ordinary words
    "六合": "Luhe", "单县": "Shanxian", "涡阳": "Guoyang", "浚县": "Xunxian", "中牟": "Zhongmou",
    "长子": "Zhangzi", "光谷": "Optics Valley", "城市副中心": "Beijing sub-centre",
    "未来科技城": "Future Science City",
}  # fmt: skip
# Readings of characters in place names (长治 Changzhi, 朝阳 Chaoyang), before pypinyin's word readings.
PLACE_READINGS = {"长": "chang", "朝": "chao"}
MACRO = {
    "京津冀": "Beijing-Tianjin-Hebei", "长三角": "Yangtze River Delta", "长江三角洲": "Yangtze River Delta",
    "珠三角": "Pearl River Delta", "珠江三角洲": "Pearl River Delta", "粤港澳大湾区": "Greater Bay Area",
    "大湾区": "Greater Bay Area", "粤港澳": "Guangdong-Hong Kong-Macao", "港澳": "Hong Kong and Macao",
    "港澳台": "Hong Kong, Macao and Taiwan", "成渝": "Chengdu-Chongqing", "川渝": "Sichuan-Chongqing",
    "京沪": "Beijing-Shanghai", "北上广深": "Beijing, Shanghai, Guangzhou, Shenzhen",
    "广深": "Guangzhou-Shenzhen", "江浙沪": "Jiangsu, Zhejiang, Shanghai", "云贵": "Yunnan-Guizhou",
    "青藏": "Qinghai-Tibet", "陕甘宁": "Shaanxi-Gansu-Ningxia", "黑吉辽": "Heilongjiang, Jilin, Liaoning",
    "东北三省": "the three northeastern provinces", "东三省": "the three northeastern provinces",
    "东北地区": "Northeast China", "长株潭": "Changsha-Zhuzhou-Xiangtan", "海峡西岸": "West Coast of the Strait",
    "长江经济带": "Yangtze River Economic Belt", "黄河流域": "Yellow River Basin",
    "中原城市群": "Central Plains urban agglomeration", "关中平原": "Guanzhong Plain",
    "全国": "China (nationwide)",
}  # fmt: skip
FOREIGN = {
    "美国": "United States", "日本": "Japan", "韩国": "South Korea", "德国": "Germany", "法国": "France",
    "英国": "United Kingdom", "意大利": "Italy", "西班牙": "Spain", "葡萄牙": "Portugal", "荷兰": "Netherlands",
    "比利时": "Belgium", "卢森堡": "Luxembourg", "瑞士": "Switzerland", "瑞典": "Sweden", "挪威": "Norway",
    "丹麦": "Denmark", "芬兰": "Finland", "爱尔兰": "Ireland", "奥地利": "Austria", "波兰": "Poland",
    "捷克": "Czechia", "匈牙利": "Hungary", "希腊": "Greece", "塞尔维亚": "Serbia", "罗马尼亚": "Romania",
    "保加利亚": "Bulgaria", "土耳其": "Türkiye", "俄罗斯": "Russia", "乌克兰": "Ukraine", "白俄罗斯": "Belarus",
    "哈萨克斯坦": "Kazakhstan", "乌兹别克斯坦": "Uzbekistan", "吉尔吉斯斯坦": "Kyrgyzstan",
    "塔吉克斯坦": "Tajikistan", "土库曼斯坦": "Turkmenistan", "蒙古国": "Mongolia", "印度": "India",
    "印度尼西亚": "Indonesia", "印尼": "Indonesia", "巴基斯坦": "Pakistan", "孟加拉国": "Bangladesh",
    "斯里兰卡": "Sri Lanka", "越南": "Vietnam", "老挝": "Laos", "柬埔寨": "Cambodia", "泰国": "Thailand",
    "缅甸": "Myanmar", "马来西亚": "Malaysia", "新加坡": "Singapore", "菲律宾": "Philippines",
    "澳大利亚": "Australia", "新西兰": "New Zealand", "加拿大": "Canada", "墨西哥": "Mexico", "巴西": "Brazil",
    "阿根廷": "Argentina", "智利": "Chile", "秘鲁": "Peru", "南非": "South Africa", "埃及": "Egypt",
    "尼日利亚": "Nigeria", "肯尼亚": "Kenya", "埃塞俄比亚": "Ethiopia", "沙特阿拉伯": "Saudi Arabia",
    "沙特": "Saudi Arabia", "阿联酋": "United Arab Emirates", "伊朗": "Iran", "以色列": "Israel",
    "卡塔尔": "Qatar", "欧盟": "European Union", "纽约": "New York", "洛杉矶": "Los Angeles",
    "旧金山": "San Francisco", "芝加哥": "Chicago", "西雅图": "Seattle", "休斯敦": "Houston", "达拉斯": "Dallas",
    "亚特兰大": "Atlanta", "波士顿": "Boston", "华盛顿": "Washington", "迈阿密": "Miami", "硅谷": "Silicon Valley",
    "伦敦": "London", "曼彻斯特": "Manchester", "巴黎": "Paris", "柏林": "Berlin", "汉堡": "Hamburg",
    "慕尼黑": "Munich", "法兰克福": "Frankfurt", "杜伊斯堡": "Duisburg", "罗马": "Rome", "米兰": "Milan",
    "马德里": "Madrid", "巴塞罗那": "Barcelona", "阿姆斯特丹": "Amsterdam", "鹿特丹": "Rotterdam",
    "布鲁塞尔": "Brussels", "苏黎世": "Zurich", "日内瓦": "Geneva", "维也纳": "Vienna", "布拉格": "Prague",
    "华沙": "Warsaw", "布达佩斯": "Budapest", "贝尔格莱德": "Belgrade", "雅典": "Athens",
    "伊斯坦布尔": "Istanbul", "莫斯科": "Moscow", "圣彼得堡": "Saint Petersburg", "明斯克": "Minsk",
    "基辅": "Kyiv", "阿拉木图": "Almaty", "阿斯塔纳": "Astana", "塔什干": "Tashkent", "东京": "Tokyo",
    "大阪": "Osaka", "名古屋": "Nagoya", "首尔": "Seoul", "釜山": "Busan", "河内": "Hanoi",
    "胡志明市": "Ho Chi Minh City", "曼谷": "Bangkok", "仰光": "Yangon", "吉隆坡": "Kuala Lumpur",
    "雅加达": "Jakarta", "马尼拉": "Manila", "新德里": "New Delhi", "孟买": "Mumbai", "迪拜": "Dubai",
    "阿布扎比": "Abu Dhabi", "利雅得": "Riyadh", "德黑兰": "Tehran", "开罗": "Cairo",
    "约翰内斯堡": "Johannesburg", "内罗毕": "Nairobi", "悉尼": "Sydney", "墨尔本": "Melbourne",
    "多伦多": "Toronto", "温哥华": "Vancouver", "蒙特利尔": "Montreal", "圣保罗": "São Paulo",
    "里约热内卢": "Rio de Janeiro", "布宜诺斯艾利斯": "Buenos Aires", "墨西哥城": "Mexico City",
}  # fmt: skip


# Suffixes of the curated zones, in English after the pinyin of the rest (两江新区: Liangjiang New Area).
ZONE_SUFFIXES = {
    "高新区": " High-tech Zone", "新片区": " New Area", "新区": " New Area", "工业园区": " Industrial Park",
    "航空港区": " Airport Zone", "航空港": " Airport Zone", "机场": " Airport", "港": " Port", "副中心": " sub-centre",
    "群岛": " Islands", "科技城": " Science City",
}  # fmt: skip


def zone_name(name: str) -> str:
    for suffix, english in ZONE_SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return pinyin(name[: -len(suffix)]) + english
    return pinyin(name)


def pinyin(name: str) -> str:
    syllables = [
        PLACE_READINGS.get(ch, s) for ch, s in zip(name, lazy_pinyin(name, style=Style.NORMAL, errors="ignore"), strict=False)
    ]
    out = ""
    for i, s in enumerate(syllables):
        out += ("'" if i and s[:1] in "aoe" else "") + s
    return out[:1].upper() + out[1:]


def read(name: str) -> list[dict[str, str]]:
    with open(GAZETTEER_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> None:
    names: dict[str, str] = {}
    for row in read("divisions.csv") + read("places.csv"):
        for zh in (row["short"], row["name"]):
            if zh and zh not in names:
                short = row["short"] or row["name"]
                names[zh] = OFFICIAL.get(short) or (pinyin(short) if row["short"] else zone_name(short))
    for row in read("foreign.csv"):
        names.setdefault(row["name"], FOREIGN.get(row["name"], ""))
    names |= MACRO
    missing = sorted(zh for zh, en in names.items() if not en)
    if missing:
        sys.exit(f"no English name for {missing}: add them to FOREIGN")
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "name_en"])
        writer.writerows(sorted(names.items()))
    print(f"{OUT.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    main()
