"""Checks that keep people out of the records (house rule 7): patients are pseudonymous case
codes, pupils are counted classes, local staff are roles; free text must not name or identify
anyone. Pure Python: the services turn what these find into errors naming the field.

What the checks catch, after normalising the text (NFKC, so full-width digits and letters count;
zero-width characters dropped; Chinese numerals read as digits; spaces, hyphens, slashes and
middle dots between digits ignored):
- a resident identity card number: 18 characters (17 digits and a digit or X) or the old 15
  digits, with a province code and a birth date that exist;
- a mainland mobile number (11 digits, 13–19…);
- a Chinese personal name where the words before it show one: 患者, 病人, 患儿, 学生, 孩子 …
  followed by a surname (single or compound) and a given name, or a name written with a middle
  dot (Uyghur and Kazakh names in Chinese); a surname and given name followed by 同学, 老师,
  医生 …; and in English, a name after patient, pupil, student, child, Mr, Mrs or Ms.

What they cannot catch, and the forms say so: a name with nothing before it that shows it is
one, or run on into the words after it ("患者王小明今天复诊"); a name in a script or romanisation
not listed above; other documents' numbers (passports, hospital record numbers); addresses; and
facts that identify someone in a small place without naming them. Whoever writes the text
remains responsible for it.
"""

import datetime
import re
import unicodedata

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))
CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖", "00123456789123456789")
# Province-level codes that begin an identity number.
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
    "61 62 63 64 65 71 81 82 83".split()
)
# Digits with what people put between them when writing an identity number: spaces, hyphens,
# slashes, underscores, middle dots (not commas or points, which write amounts).
_DIGIT_RUN = re.compile(r"\d(?:[\s\-‐‑–—_/·・]*\d)*(?:[\s\-_/]*X)?")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")

SURNAMES = (
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 司徒 夏侯 长孙 宇文 "
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
    "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 "
    "石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 "
    "万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 "
    "鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 "
    "裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 "
    "艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 "
    "卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 "
    "丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 买 热 阿 吐 艾 努"
).split()
CONTEXT_ZH = (
    "患者|病人|病患|患儿|伤者|就诊者|孕妇|产妇|学生|学员|同学|孩子|儿童|小朋友|少年|"
    "徒弟|学徒|老师|教师|医生|护士|队员|选手|领队|姓名|名叫|名字叫|叫做"
)
# Words after a name that show it is one: 王小明同学, 李华医生.
AFTER_NAME_ZH = "同学|小朋友|老师|医生|大夫|护士|先生|女士|小姐"
# Words a context word is often followed by that begin like a name (患者高热, 患儿黄疸, 学生时代).
NOT_NAMES = "高热|高烧|高龄|高血|高一|高二|高三|高中|黄疸|康复|时代|成绩|安全|方面|白天|关节|明天"
_NAME_ZH = re.compile(
    rf"(?:{CONTEXT_ZH})[\s:：,，]*(?!{NOT_NAMES})"
    rf"(?:(?:{'|'.join(SURNAMES)})(?![某×X*＊])[\u4e00-\u9fff]{{1,2}}"
    r"(?![\u4e00-\u9fff])"  # the name ends there: 王小明， is one, 王小明今天 is not read
    r"|[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff])"  # a dotted name: 阿卜杜拉·买买提
)
_NAMED_BY_TITLE = re.compile(
    rf"(?:{'|'.join(SURNAMES)})(?![某×X*＊])[\u4e00-\u9fff]{{1,2}}(?:{AFTER_NAME_ZH})"
)
_NAME_EN = re.compile(
    r"\b(?i:patient|pupil|student|child|boy|girl|mentee|mr|mrs|ms|miss)\.?\s+"
    r"(?:called\s+|named\s+)?[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)+"
)
_CASE_CODE = re.compile(r"^([A-Z]{2,4})-((?:19|20)\d{2})-(\d{3,6})$")
PINYIN_SURNAMES = frozenset(
    "WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO "
    "ZHENG LIANG XIE SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU JIANG "
    "CAI DU YE CHENG SU WEI LU DING REN SHEN YAO CUI ZHONG TAN FAN JIN SHI LIAO JIA XIA FU "
    "FANG BAI ZOU MENG XIONG QIN QIU KONG".split()
)
CASE_CODE_EXAMPLE = "KSG-2017-0042"


def normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(ZERO_WIDTH)
    return text.translate(CHINESE_DIGITS).upper()


def _plausible_birth(digits: str, *, century: bool) -> bool:
    try:
        if century:
            born = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        else:
            born = datetime.date(1900 + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    return datetime.date(1900, 1, 1) <= born <= datetime.date.today()


def _identity_number_in(run: str) -> bool:
    for start in range(len(run)):
        window = run[start : start + 18]
        if (
            len(window) == 18
            and window[:17].isdigit()
            and (window[17].isdigit() or window[17] == "X")
            and window[:2] in PROVINCES
            and _plausible_birth(window[6:14], century=True)
        ):
            return True
        window = run[start : start + 15]
        if (
            len(window) == 15
            and window.isdigit()
            and window[:2] in PROVINCES
            and _plausible_birth(window[6:12], century=False)
        ):
            return True
    return False


def _digit_runs(text: str) -> list[str]:
    return [re.sub(r"[^0-9X]", "", found) for found in _DIGIT_RUN.findall(text)]


def personal_data_in(text: str) -> str | None:
    """What identifies a person in `text`: "identity_number", "phone", "name", or None."""
    if not text:
        return None
    plain = normalised(text)
    runs = _digit_runs(plain)
    if any(len(run) >= 15 and _identity_number_in(run) for run in runs):
        return "identity_number"
    if any(_MOBILE.match(run) for run in runs):
        return "phone"
    readable = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH)
    if any(found.search(readable) for found in (_NAME_ZH, _NAMED_BY_TITLE, _NAME_EN)):
        return "name"
    return None


def has_identity_number(text: str) -> bool:
    return any(len(run) >= 15 and _identity_number_in(run) for run in _digit_runs(normalised(text)))


def is_case_code(text: str) -> bool:
    """A code of the form PLACE-YEAR-SERIAL (e.g. KSG-2017-0042): letters for the place (not a
    surname), a year, and a serial number. Nothing in it can be a name."""
    found = _CASE_CODE.match(text or "")
    return bool(found) and found.group(1) not in PINYIN_SURNAMES
