"""Projects, money and results of the demo: what the seed articles report, and nothing more.

Amounts are in yuan; where an article gives no amount, the project has none. Exchange rates are
approximate yearly averages, plus the two rates the articles' own conversions imply.
"""

import datetime

D = datetime.date

# USD → CNY: valid from, rate, source.
USD_RATES = [
    (D(2017, 1, 1), "6.7518", "Yearly average 2017 (approximate)"),
    (D(2018, 1, 1), "6.6174", "Yearly average 2018 (approximate)"),
    (D(2019, 1, 1), "6.8985", "Yearly average 2019 (approximate)"),
    (D(2020, 1, 1), "6.8976", "Yearly average 2020 (approximate)"),
    (D(2021, 1, 1), "6.4515", "Yearly average 2021 (approximate)"),
    (D(2021, 7, 20), "6.4875", "Implied by seed 000: 70 million yuan, about 10.79 million dollars"),
    (D(2022, 1, 1), "6.7261", "Yearly average 2022 (approximate)"),
    (D(2023, 1, 1), "7.0467", "Yearly average 2023 (approximate)"),
    (D(2023, 9, 15), "7.1730", "Implied by seed 004: 170 billion yuan, about 23.7 billion dollars"),
]

# The programme's rules (round default): the wellbeing line from the seeds; the county-level
# line is a demo value the office sets for real.
RULES = [
    ("wellbeing_share", 800_000, "Seeds: more than 80 % of aid funds went to people's wellbeing."),
    ("county_share", 700_000, "Demo value: set the programme's own line."),
]

# A pairing the articles show that the 2010 file does not list.
EXTRA_PAIRINGS = [
    (
        "beijing",
        "650200",
        "seed 004 (a Beijing teacher in an educational assistance programme at Karamay)",
        "low",
    ),
]

# Each project: its pairing (donor code, recipient code), main place, sectors {DAC: %}, dates,
# budget, milestones (title, title zh, due, done), money (IATI type, yuan, value date) and results
# (title, title zh, [(standard indicator, title, actual)], (period start, period end)).
PROJECTS = [
    {
        "code": "kunyu-peoples-hospital",
        "pairing": ("beijing", "XPCC-14"),
        "region": "XPCC-14",
        "title_en": "Kunyu People's Hospital",
        "title_zh": "昆玉市人民医院",
        "status": "2",
        "sectors": {"12230": 100},
        "actual_start": D(2017, 1, 1),
        "description_en": "The new city's first general hospital, established in 2018 with "
        "Beijing's investment; a Beijing paediatrician builds its paediatric department.",
        "budget": "70000000",
        "implementer": "kunyu-peoples-hospital",
        "milestones": [("Hospital opens", "医院开业", D(2018, 1, 1), D(2018, 12, 31))],
        "money": [("2", "70000000", D(2017, 6, 1)), ("3", "70000000", D(2018, 6, 1))],
        "results": [],
    },
    {
        "code": "shufu-enterprise-capital",
        "pairing": ("guangdong", "653121"),
        "region": "653121",
        "title_en": "Capital for small enterprises in Shufu (incl. an oil extraction plant)",
        "title_zh": "疏附县小微企业资金支持（含榨油厂）",
        "status": "2",
        "sectors": {"32161": 100},
        "actual_start": D(2020, 1, 1),
        "description_en": "Guangdong invested 5.4 million yuan in 18 local business owners; one "
        "oil extraction plant grew to 48 employees, 70 % of them formerly registered poor.",
        "budget": "5400000",
        "milestones": [("Second plant opened", "开设第二家工厂", D(2021, 6, 30), D(2021, 6, 30))],
        "money": [("2", "5400000", D(2020, 3, 1)), ("3", "5400000", D(2020, 6, 1))],
        "results": [
            (
                "Jobs and incomes in Shufu",
                "疏附县就业与收入",
                [
                    ("jobs", "Employees of the oil extraction plant", 48),
                    ("jobs_formerly_poor", "Of whom formerly registered poor (about 70 %)", 34),
                    ("out_of_poverty", "Local people lifted out of poverty", 2000),
                ],
                (D(2020, 1, 1), D(2021, 6, 30)),
            )
        ],
    },
    {
        "code": "payzawat-garment-company",
        "pairing": ("guangdong", "653129"),
        "region": "653129",
        "title_en": "Capital support to a garment company in Payzawat",
        "title_zh": "伽师县服装企业资金支持",
        "status": "2",
        "sectors": {"32163": 100},
        "actual_start": D(2021, 1, 1),
        "description_en": "A garment company with Guangdong's capital sells by livestream.",
    },
    {
        "code": "payzawat-womens-football",
        "pairing": ("guangdong", "653129"),
        "region": "653129",
        "title_en": "Payzawat women's football team",
        "title_zh": "伽师县女子足球队",
        "status": "2",
        "sectors": {"16061": 100},
        "actual_start": D(2021, 1, 1),
        "description_en": "A women's football team set up with Guangdong's support.",
    },
    {
        "code": "tohula-reading-room",
        "pairing": ("jinhua", "652922"),
        "region": "652922-TOHULA",
        "title_en": "Reading room in Tohula Township, Wensu",
        "title_zh": "温宿县托乎拉乡阅览室",
        "status": "4",
        "sectors": {"11120": 100},
        "actual_end": D(2021, 7, 4),
        "description_en": "A children's reading room built with Jinhua's assistance.",
    },
    {
        "code": "jiashi-supply-chain-hub",
        "pairing": ("guangdong", "653129"),
        "region": "653129",
        "title_en": "Smart supply-chain hub in Jiashi",
        "title_zh": "伽师县智能供应链中心",
        "status": "2",
        "sectors": {"33120": 100},
        "actual_start": D(2023, 1, 1),
        "description_en": "Automatic sorting of plums and other farm products for donor markets.",
    },
    {
        "code": "yengisar-ophthalmology",
        "pairing": ("jining", "653123"),
        "region": "653123",
        "title_en": "Ophthalmology at Yengisar County People's Hospital",
        "title_zh": "英吉沙县人民医院眼科",
        "status": "2",
        "sectors": {"12191": 100},
        "actual_start": D(2023, 1, 1),
        "implementer": "yengisar-peoples-hospital",
        "description_en": "Ophthalmologists from Jining examine and treat patients in Yengisar.",
    },
    {
        "code": "karamay-russian-programme",
        "pairing": ("beijing", "650200"),
        "region": "650200",
        "title_en": "Russian-language programme at the Karamay campus",
        "title_zh": "克拉玛依校区俄语专业建设",
        "status": "2",
        "sectors": {"11420": 100},
        "actual_start": D(2019, 9, 1),
        "implementer": "cupb-karamay",
        "description_en": "A Beijing professor builds the Russian major and a mentorship "
        "programme pairing young teachers with experienced ones.",
    },
]
