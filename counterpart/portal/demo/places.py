"""Places and organizations of the demo: public facts (names, administrative division codes).

Codes are the national administrative division codes where one exists; corps divisions and places
without a published code get a stable short code of ours.
"""

COUNTRY = ("CN", "China", "中国")

# Province-level regions: code, English, Chinese, organization kind of its government.
PROVINCES = [
    ("110000", "Beijing", "北京市", "municipality"),
    ("120000", "Tianjin", "天津市", "municipality"),
    ("130000", "Hebei", "河北省", "province"),
    ("140000", "Shanxi", "山西省", "province"),
    ("210000", "Liaoning", "辽宁省", "province"),
    ("220000", "Jilin", "吉林省", "province"),
    ("230000", "Heilongjiang", "黑龙江省", "province"),
    ("310000", "Shanghai", "上海市", "municipality"),
    ("320000", "Jiangsu", "江苏省", "province"),
    ("330000", "Zhejiang", "浙江省", "province"),
    ("340000", "Anhui", "安徽省", "province"),
    ("350000", "Fujian", "福建省", "province"),
    ("360000", "Jiangxi", "江西省", "province"),
    ("370000", "Shandong", "山东省", "province"),
    ("410000", "Henan", "河南省", "province"),
    ("420000", "Hubei", "湖北省", "province"),
    ("430000", "Hunan", "湖南省", "province"),
    ("440000", "Guangdong", "广东省", "province"),
]
XINJIANG = ("650000", "Xinjiang", "新疆维吾尔自治区")
CORPS = ("XPCC", "Xinjiang Production and Construction Corps", "新疆生产建设兵团")

# Donor cities under a donor province: code, English, Chinese, province code.
DONOR_CITIES = [
    ("440300", "Shenzhen", "深圳市", "440000"),
    ("370800", "Jining", "济宁市", "370000"),
    ("330700", "Jinhua", "金华市", "330000"),
    ("320700", "Lianyungang", "连云港市", "320000"),
]

# Codes of the Xinjiang places named in the pairings file (by their English name there).
REGION_CODES = {
    "Hotan Prefecture": "653200",
    "Kashgar Prefecture": "653100",
    "Kizilsu Kirghiz Autonomous Prefecture": "653000",
    "Aksu Prefecture": "652900",
    "Ili Kazak Autonomous Prefecture": "654000",
    "Changji Hui Autonomous Prefecture": "652300",
    "Altay Prefecture": "654300",
    "Bayingolin Mongol Autonomous Prefecture": "652800",
    "Hami City": "650500",
    "Bortala Mongol Autonomous Prefecture": "652700",
    "Turpan City": "650400",
    "Tacheng Prefecture": "654200",
    "Karamay City": "650200",
    "Hotan City": "653201",
    "Hotan County": "653221",
    "Moyu County": "653222",
    "Pishan County": "653223",
    "Lop County": "653224",
    "Qira County": "653225",
    "Yutian County": "653226",
    "Minfeng County": "653227",
    "Kashgar City": "653101",
    "Shufu County": "653121",
    "Shule County": "653122",
    "Yengisar County": "653123",
    "Zepu County": "653124",
    "Shache County": "653125",
    "Yecheng County": "653126",
    "Makit County": "653127",
    "Yopurga County": "653128",
    "Jiashi County (Payzawat)": "653129",
    "Bachu County": "653130",
    "Tashkurgan County": "653131",
    "Artux City": "653001",
    "Akto County": "653022",
    "Akqi County": "653023",
    "Wuqia County": "653024",
    "Aksu City": "652901",
    "Wensu County": "652922",
    "Fukang City": "652302",
    "Horgos City": "654004",
    "Altay City": "654301",
    "Burqin County": "654321",
    "Fuyun County": "654322",
    "Fuhai County": "654323",
    "Habahe County": "654324",
    "Qinghe County": "654325",
    "Jeminay County": "654326",
    "XPCC 1st Division (Alar City)": "XPCC-1",
    "XPCC 2nd Division": "XPCC-2",
    "XPCC 3rd Division (Tumxuk City)": "XPCC-3",
    "XPCC 4th Division": "XPCC-4",
    "XPCC 5th Division": "XPCC-5",
    "XPCC 6th Division (Wujiaqu City)": "XPCC-6",
    "XPCC 7th Division": "XPCC-7",
    "XPCC 10th Division": "XPCC-10",
    "XPCC 13th Division": "XPCC-13",
    "XPCC 14th Division (Kunyu City)": "XPCC-14",
}

# Places the seed articles name that the pairings file does not: code, English, Chinese, level,
# parent's English name.
EXTRA_REGIONS = [
    ("650200", "Karamay City", "克拉玛依市", "prefecture", "Xinjiang"),
    ("652922-TOHULA", "Tohula Township", "托乎拉乡", "township", "Wensu County"),
]

# Institutions in the seed articles: code, English, Chinese, kind, region code, parent org code.
INSTITUTIONS = [
    (
        "programme-office",
        "Pairing Assistance Programme Office",
        "对口援疆工作办公室",
        "local_government",
        "650000",
        None,
    ),
    (
        "hotan-prefecture-office",
        "Hotan Prefecture Administrative Office",
        "和田地区行政公署",
        "local_government",
        "653200",
        None,
    ),
    (
        "kunyu-peoples-hospital",
        "Kunyu People's Hospital",
        "昆玉市人民医院",
        "hospital",
        "XPCC-14",
        None,
    ),
    (
        "yengisar-peoples-hospital",
        "Yengisar County People's Hospital",
        "英吉沙县人民医院",
        "hospital",
        "653123",
        None,
    ),
    ("bfsu", "Beijing Foreign Studies University", "北京外国语大学", "university", "110000", None),
    (
        "cupb-karamay",
        "China University of Petroleum-Beijing at Karamay",
        "中国石油大学（北京）克拉玛依校区",
        "university",
        "650200",
        None,
    ),
]

# Sub-pairings the seeds show: donor city, recipient, parent pairing's donor, source.
SUB_PAIRINGS = [
    ("Jining", "Yengisar County", "Shandong", "seed 004 (Jining ophthalmologists in Yengisar)"),
    ("Jinhua", "Wensu County", "Zhejiang", "seed 004 (Jinhua reading room in Tohula, Wensu)"),
]

# General public budget revenue in 2019, in 100 million yuan (approximate; provincial reports).
FISCAL_REVENUE_2019 = {
    "Beijing": "5817.1",
    "Shanghai": "7165.1",
    "Guangdong": "12651.5",
    "Jiangsu": "8802.4",
    "Zhejiang": "7048.6",
    "Shandong": "6526.6",
}
