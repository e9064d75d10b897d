"""Checks that keep people out of the records (house rule 7): patients are pseudonymous case
codes, pupils are counted classes, local staff are roles; free text must not name or identify
anyone. Pure Python: the services turn what these find into errors naming the field.

What the checks catch, after normalising the text (NFKC, so full-width digits and letters count;
digits of any script read as ASCII, so Arabic-Indic ones count; zero-width characters dropped;
Chinese numerals read as digits; the letter O read as zero; spaces, newlines, hyphens, slashes,
points, commas and middle dots between digits ignored):
- a resident identity card number: 18 characters (17 digits and a digit or X) or the old 15
  digits, with a province code and a birth date that exist (which is why points and commas, that
  also write lists of figures, can be read through; figures in thousands, 1,234,567.89, are
  amounts);
- a mainland mobile number (11 digits, 13–19…);
- a Chinese personal name where the words before it show one: 患者, 病人, 患儿, 学生, 孩子,
  姓名 … followed by a surname (single or compound), perhaps a space, and a given name, or a name
  written with a middle dot (Uyghur and Kazakh names in Chinese); a surname and given name
  followed by 同学, 老师, 医生 …;
- in English, a name after patient, pupil, student, child, name, Mr, Mrs or Ms (a colon or a
  comma between them, as in "the patient, Zhang Wei"), in capitals or not;
- a name romanised in capitals ("ZHANG WEI": a surname of the list and a given name of one or
  two pinyin syllables), wherever it stands;
- a Uyghur name as Uyghurs write one, a given name and the father's name, both of the list of
  common names below, in the Arabic script or in Latin letters ("ئابدۇللا مەمەت", "Abdulla
  Memet"); and after a label (بىمار, ئىسمى, Bemor, Ism) any Uyghur name of the list.

What they cannot catch, and the forms say so: a name with nothing before it that shows it is
one, or run on into the words after it ("患者王小明今天复诊"); a Uyghur name outside the list; a
name in a script or romanisation not listed above; other documents' numbers (passports, hospital
record numbers); addresses; and facts that identify someone in a small place without naming
them. Whoever writes the text remains responsible for it.
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
# Digits with what people put between them when writing an identity number (the letter O
# standing for a zero): spaces, newlines, hyphens, slashes, underscores, middle dots, points
# and commas. An identity number must then begin with a province and hold a real birth date.
_DIGIT_RUN = re.compile(r"[\dO](?:[\s\-‐‑–—_/·・.,，。、]*[\dO])*(?:[\s\-_/.]*X)?")
_AMOUNT = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit of another script: ١, ۱, ๑ …
_MOBILE = re.compile(r"^1[3-9]\d{9}\Z")

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
    rf"(?:(?:{'|'.join(SURNAMES)})[ \u3000]?(?![某×X*＊])[\u4e00-\u9fff]{{1,2}}"
    r"(?![\u4e00-\u9fff])"  # the name ends there: 王小明， is one, 王小明今天 is not read
    r"|[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff])"  # a dotted name: 阿卜杜拉·买买提
)
_NAMED_BY_TITLE = re.compile(
    rf"(?:{'|'.join(SURNAMES)})(?![某×X*＊])[\u4e00-\u9fff]{{1,2}}(?:{AFTER_NAME_ZH})"
)
PINYIN_SURNAMES = frozenset(
    "WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO "
    "ZHENG LIANG XIE SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU JIANG "
    "CAI DU YE CHENG SU WEI LU DING REN SHEN YAO CUI ZHONG TAN FAN JIN SHI LIAO JIA XIA FU "
    "FANG BAI ZOU MENG XIONG QIN QIU KONG".split()
)
# Capitals that read as pinyin but are words of medicine: 麻黄 (the herb ephedra).
NOT_NAMES_PINYIN = "MA HUANG"
# Words after "patient" that begin like a name: the Patient Care Unit, Patient Transport Service.
NOT_NAMES_EN = "Care|Transport|Services?|Safety|Records?|Units?|Centre|Center|Education|Support"
_NAME_EN = re.compile(
    r"\b(?i:patient|pupil|student|child|boy|girl|mentee|mr|mrs|ms|miss|name|bemor|ism)"
    r"(?:\.?\s*[:：,，]?\s+|\s*[:：]\s*)(?i:called\s+|named\s+|is\s+)?"
    rf"(?!(?:{NOT_NAMES_EN})\b)"
    r"(?:[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)+|[A-Z]{2,}(?:[\s-][A-Z]{2,})+)\b"
)
_PINYIN = (  # one syllable
    r"(?:(?:ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?"
    r"(?:IANG|IONG|UANG|ANG|ENG|ING|ONG|IAN|IAO|UAI|UAN|UEN|AI|AN|AO|EI|EN|ER|OU|IA|IE|IN|IU"
    r"|UA|UE|UI|UN|UO|VE|A|E|I|O|U|V))"
)
UYGHUR_NAMES = frozenset(
    # Latin letters, as names are written in documents and as the Uyghur Latin script writes them
    "Abdulla Abdullah Memet Mamat Mehmet Ehmet Ahmat Ahmet Tursun Abliz Obul Rozi Yasin Hesen "
    "Hasan Huseyin Hüseyin Ismayil Ibrahim Qurban Kurban Nurmemet Abdurehim Abdukerim Abduqadir "
    "Osman Ömer Omer Yüsüp Yusup Ablimit Mahmut Tahir Nijat Erkin Kamil Adil Rahman Zunun Sadiq "
    "Turdi Tohti Sawut Imin Hoshur Niyaz Yaqup Ayshem Aysham Gulnar Gülnar Patime Patima Zöhre "
    "Mahire Nurgül Nurgul Rahile Arzugül Arzugul Mehriban Aynur Gulnisa Buayshem Roshengül "
    "Dilnur Mihray Zulpiye Reyhan Nazugum Aygül Aygul Saniye Mutellip Rustem Perhat Dilshat "
    "Ekber Memtimin Abdureshit Tursungül Ablet Mirzat Ruqiye Hebibulla Ilyar Parhat Muhter "
    # and the Arabic script, as Uyghurs write them
    "ئابدۇللا مەمەت ئەخمەت تۇرسۇن ئابلىز ئوبۇل روزى ياسىن ھەسەن ھۈسەيىن ئىسمايىل ئىبراھىم قۇربان "
    "نۇرمەمەت ئابدۇرەھىم ئابدۇكېرىم ئابدۇقادىر ئوسمان ئۆمەر يۈسۈپ ئابلىمىت مەھمۇت تاھىر نىجات "
    "ئەركىن كامىل ئادىل راھمان زۇنۇن سادىق تۇردى توختى ساۋۇت ئىمىن ھوشۇر نىياز ياقۇپ ئايشەم "
    "گۈلنار پاتىمە زۆھرە ماھىرە نۇرگۈل راھىلە ئارزۇگۈل مېھرىبان ئاينۇر گۈلنىسا بۇئايشەم روشەنگۈل "
    "دىلنۇر مىھراي زۇلپىيە رەيھان نازۇگۇم ئايگۈل سانىيە مۇتەللىپ رۇستەم پەرھات دىلشات ئەكبەر "
    "مەمتىمىن ئابدۇرەشىت تۇرسۇنگۈل ئابلەت مىرزات رۇقىيە ھەبىبۇللا ئىليار".split()
)
_UYGHUR_NAME = "|".join(sorted(UYGHUR_NAMES, key=len, reverse=True))
_WORD_END = r"(?![\w\u0600-\u06ff])"
_NAMED_UYGHUR = re.compile(
    rf"(?<![\w\u0600-\u06ff])(?:{_UYGHUR_NAME})[\s\u200c]+(?:{_UYGHUR_NAME}){_WORD_END}"
    rf"|(?:بىمار|ئىسمى|ئىسىم|ئوقۇغۇچى|Bemor|Ism)\s*[:：،,]?\s*(?:{_UYGHUR_NAME}){_WORD_END}"
)
_PINYIN_SURNAME = "|".join(sorted(PINYIN_SURNAMES, key=len, reverse=True))
_PINYIN_IN_CAPITALS = re.compile(
    rf"\b(?!{NOT_NAMES_PINYIN}\b)(?:{_PINYIN_SURNAME})\s+{_PINYIN}{{1,2}}\b"
)
_CASE_CODE = re.compile(r"^([A-Z]{2,4})-((?:19|20)\d{2})-(\d{3,6})\Z")
CASE_CODE_EXAMPLE = "KSG-2017-0042"


def plain_text(text: str) -> str:
    """NFKC (full-width letters and digits, Arabic presentation forms), no zero-width marks,
    every script's decimal digits as ASCII ones."""
    text = unicodedata.normalize("NFKC", text or "").translate(ZERO_WIDTH)
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit[0])), text)
    return text


def normalised(text: str) -> str:
    return plain_text(text).translate(CHINESE_DIGITS).upper()


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
    """Each run of digits as digits only; a run of letters O alone is no number."""
    found_runs = (found for found in _DIGIT_RUN.findall(text) if not _AMOUNT.fullmatch(found))
    runs = (re.sub(r"[^0-9OX]", "", found) for found in found_runs)
    return [run.replace("O", "0") for run in runs if any(c.isdigit() for c in run)]


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
    named = (_NAME_ZH, _NAMED_BY_TITLE, _NAME_EN, _NAMED_UYGHUR, _PINYIN_IN_CAPITALS)
    if any(found.search(readable) for found in named):
        return "name"
    return None


def has_identity_number(text: str) -> bool:
    return any(len(run) >= 15 and _identity_number_in(run) for run in _digit_runs(normalised(text)))


def is_case_code(text: str) -> bool:
    """A code of the form PLACE-YEAR-SERIAL (e.g. KSG-2017-0042): letters for the place (not a
    surname), a year, and a serial number. Nothing in it can be a name."""
    found = _CASE_CODE.match(text or "")
    return bool(found) and found.group(1) not in PINYIN_SURNAMES
