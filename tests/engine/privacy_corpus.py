"""Sentences for the privacy guard, as care and exchange texts are written: BAD each identify a
person (an identity number written every way people write one, a phone number, a name after a
label in three languages, romanised, in Uyghur), GOOD are clinical and programme text that must
pass (doses, readings, dates, lists of figures, amounts, codes, the words that begin like names).
Every person and number here is invented; the identity numbers are shaped to pass the check
(a province, a real birth date)."""

import itertools

IDENTITY_NUMBERS = ["110101199003071234", "653101198505123456", "65010219900101002X"]


def _separated(number: str) -> list[str]:
    groups = [number[:6], number[6:14], number[14:]]
    fours = [number[i : i + 4] for i in range(0, 18, 4)]
    return [
        number,
        " ".join(groups),
        ".".join(groups),
        ",".join(groups),
        "-".join(groups),
        "/".join(groups),
        "\u200b".join(groups),
        "\n".join(groups),
        " ".join(fours),
        "·".join(groups),
        " - ".join(groups),
        "\u200d".join(fours),
    ]


def _in_script(number: str, zero: str, digits: str) -> str:
    return "".join(digits[int(c)] if c.isdigit() else c for c in number).replace(digits[0], zero)


SCRIPTS = {
    "ascii": "0123456789",
    "full-width": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "extended arabic-indic": "۰۱۲۳۴۵۶۷۸۹",
    "chinese": "〇一二三四五六七八九",
}
FRAMES = [
    "ID {}",
    "身份证号：{}",
    "Identity card {} on file",
    "كىملىك نومۇرى {}",
    "证件号码 {}，请核对",
]

_numbers = [
    *(s for n in IDENTITY_NUMBERS for s in _separated(n)),
    *(_in_script(n, d[0], d) for n in IDENTITY_NUMBERS for d in SCRIPTS.values()),
    *(n.replace("0", "O") for n in IDENTITY_NUMBERS),
    *(n.replace("0", "o") for n in IDENTITY_NUMBERS),
    "11O101.1990O307.1234",
    "653101850512345",  # the old 15-digit card
]
# Each number in two of the frames.
BAD_NUMBERS = [
    FRAMES[(index + shift) % len(FRAMES)].format(number)
    for index, number in enumerate(_numbers)
    for shift in (0, 2)
]
BAD_NUMBERS += [
    "call 138 0013 8000",
    "联系电话 139-1234-5678",
    "手机：１３７１２３４５６７８",
    "تېلېفون 13612345678",
]

CHINESE_NAMES = ["张伟", "王秀英", "李 娜", "刘洋", "陈 静", "欧阳娜娜", "阿卜杜拉·买买提"]
CHINESE_LABELS = ["患者", "病人：", "患儿", "姓名：", "学生", "领队："]
BAD_NAMES = [
    f"{label}{name}，男，45岁" for label, name in itertools.product(CHINESE_LABELS, CHINESE_NAMES)
]
BAD_NAMES += [
    "王小明同学参加了夏令营",
    "李华医生值班",
    "patient ZHANG WEI",
    "Patient ZHANG WEI, 45, fever",
    "Name: Zhang Wei",
    "Name: LIU YANG",
    "the patient, Zhang Wei, was admitted",
    "Patient Zhang Wei was seen on Monday",
    "the mentee, Mrs Li Na,",
    "Student: Wang Fang",
    "Mr Chen Jie attended the follow-up",
    "Referred by Ms Zhou Min",
    "ZHANG WEI, 45, fever for three days",
    "WANG XIUYING 72 F",
    "follow-up for LI NA on Monday",
    "Bemor: Abdulla Memet",
    "Bemor Ayshem Tursun, 32",
    "Abdulla Memet was admitted with fever",
    "Patient Gulnar Yasin, 8 years old",
    "بىمار ئابدۇللا مەمەت",
    "بىمار: ئايشەم تۇرسۇن، 32 ياش",
    "ئابدۇللا مەمەت دوختۇرخانىغا كەلدى",
    "ئىسمى: گۈلنار ياسىن",
    "ئوقۇغۇچى نۇرگۈل ئەخمەت لاگېرغا قاتناشتى",
    "Ism: Perhat Tohti",
    "Name: Dilnur Abliz",
    "Tursun Niyaz came back for the follow-up",
    "患儿阿依古丽·吐尔逊，女，6岁",
    "学生 买买提·艾力 参加比赛",
    "孩子：周子轩，8岁",
    "病人 赵 敏 复诊",
    "Patient: Huang Lei",
    "Mrs HUANG LEI was discharged",
    "Pupil Sun Hao wrote the first letter",
    "child named Yang Yang",
    "name is Zheng Kai",
    "GAO YUAN, admitted 2024-03-07",
    "Bemor: Gulnisa Qurban",
    "بىمار ئىسمى: نىياز روزى",
    "مەمەت ئەخمەت 45 ياش",
    "ھەسەن قۇربان ئوپېراتسىيە قىلىندى",
    "Ruqiye Ablet, 6, was referred",
]
BAD = list(dict.fromkeys(BAD_NUMBERS + BAD_NAMES))

# What must pass: what doctors, teachers and teams write, with its numbers and its words.
GOOD_WRITTEN = [
    "患者高热3天，咳嗽，白细胞 12.3×10^9/L",
    "患儿黄疸，胆红素 256 μmol/L，建议光疗",
    "病人康复出院，嘱 2 周后复查",
    "学生时代的夏令营在乌鲁木齐举行",
    "学校老师和学生共60人参加",
    "患者王某，男，45岁，既往体健",
    "患者张某某，女，32岁",
    "血压 130/85 mmHg，心率 88 次/分",
    "体温 37.5, 38.2, 38.9, 39.1, 37.8, 36.9, 37.2 ℃（七天）",
    "阿莫西林 500 mg，每日 3 次，连用 7 天",
    "2024-03-07 行 CT 检查，示右下肺炎",
    "CT 2024/03/07 10:30，MRI 2024/03/09 14:00",
    "HbA1c 7.2%，空腹血糖 8.4 mmol/L",
    "建议转诊至和田地区人民医院心内科",
    "会诊意见：继续抗感染治疗，监测肝肾功能",
    "远程会诊 12 例，转诊 3 例，随访 9 例",
    "投入资金 1,234,567.89 元，受益 12,000 人",
    "援建病房 120 床，手术室 4 间",
    "Committed 1,234,567,890,123,456 fen in 2021-07-03",
    "Case KSG-2017-0042, seen 2017-07-04 15:00",
    "Child with a rare congenital heart condition; refer?",
    "Patient Care Unit reports 14 admissions this week",
    "Transferred to the Patient Transport Service at 14:20",
    "Patient was discharged on 2024-05-01 in good condition",
    "Patient afebrile, ECG NORMAL, CRP 4 mg/L",
    "Patient reports HIV NEGATIVE test from 2023",
    "WBC 11.2, HB 128, PLT 245; repeat in 48 h",
    "Student exchange: 24 teachers, 160 pupils, 3 schools",
    "Pupil numbers rose from 1,820 to 2,140",
    "The mentee presented a case review on sepsis",
    "Name of the training: Neonatal Resuscitation, 2 days",
    "ICD-10 J18.9, K35.8, I21.4",
    "Dose 0.5 mg/kg every 8 h, max 1.5 g per day",
    "Ward 3, bed 12; follow-up in 2 weeks",
    "Tel. extension 8021 for the duty nurse",
    "Batch 20240307-0015, expiry 2026-03-06",
    "Budget line 110101 for training (illustrative)",
    "Serial numbers 1101, 1102, 1103 and 1104 were shipped",
    "MA HUANG is not to be prescribed with these drugs",
    "HE HAS NO ALLERGIES",
    "Patient: fever, cough, 3 days",
    "Name: not recorded (pseudonymous case)",
    "بىمارنىڭ قىزىتمىسى 38.5 گرادۇس",
    "بىمار دوختۇرخانىدىن ساقىيىپ چىقتى",
    "بىمار 3 كۈن يۆتەلدى، قان بېسىمى 130/85",
    "ئوقۇغۇچىلار سانى 160، ئوقۇتقۇچىلار 24",
    "دوختۇرلار 12 قېتىم يىراقتىن دىياگنوز قويدى",
    "بىمار: قىزىتما، يۆتەل، 3 كۈن",
    "ئىسمى ئاشكارىلانمىدى (تەخەللۇسلۇق)",
    "Bemor: isitma, yo'tal, 3 kun",
    "Erkin market day at the county centre",
    "Projektor va 12 kompyuter keldi",
    "心电图正常，肌钙蛋白 0.01 ng/mL",
    "转入重症监护室，氧饱和度 92%",
    "北京对口支援和田，2011年至2020年",
    "援疆干部 21,000 人，专业技术人才 90,000 人",
    "电话随访 3 次，均无不适",
    "门诊量 12,345 人次，住院 1,234 人次",
    "孩子们在 2024 年 9 月开学",
    "老师们完成了 48 课时的培训",
    "领队由北京市教委指派",
    "医生团队 8 人，护士 12 人",
]
# The same kinds of sentence with the figures a year's records carry.
_READINGS = [
    "体温 {a}.{b} ℃，血压 1{a}0/8{b} mmHg",
    "Temperature {a}.{b} °C, pulse 9{b}, SpO2 9{a}%",
    "Follow-up on 2025-0{a}-1{b}: stable",
    "随访日期 2025年{a}月1{b}日，病情稳定",
    "قىزىتما 3{a}.{b} گرادۇس، 2025-0{a}-1{b}",
    "Disbursed ¥{a},{b}00,000 on 2024-0{a}-0{b}",
    "Consultations {a}{b}, referrals {b}, follow-ups {a}",
]
GOOD = GOOD_WRITTEN + [  # noqa: RUF005 (read as: the written ones, and the generated)
    reading.format(a=a, b=b) for reading in _READINGS for a in range(1, 6) for b in range(4)
]
