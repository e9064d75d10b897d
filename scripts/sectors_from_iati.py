#!/usr/bin/env python3
"""Write counterpart/projects/data/sectors.csv from IATI's DAC code lists: the 5-digit purpose
codes (Sector, vocabulary 1) and the 3-digit sector categories (SectorCategory, vocabulary 2:
what a publisher gives when it says no more).

The product ships the CSV (it never reads ../shared at run time); run this again when the code
lists change:
    python3 scripts/sectors_from_iati.py ../shared/iati/codelists/{Sector,SectorCategory}.xml
Each active code gets the programme category it counts under; Chinese names already in the CSV
are kept.
"""

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "counterpart/projects/data/sectors.csv"

# Programme category by DAC 3-digit group, then by 5-digit code where a group splits.
BY_GROUP = {
    "111": "education", "112": "education", "113": "education", "114": "education",
    "121": "health", "122": "health", "123": "health", "130": "health",
    "140": "water",
    "151": "governance", "152": "governance",
    "160": "social_protection",
    "210": "infrastructure", "220": "infrastructure", "230": "infrastructure",
    "231": "infrastructure", "232": "infrastructure", "233": "infrastructure",
    "234": "infrastructure", "235": "infrastructure", "236": "infrastructure",
    "240": "industry", "250": "industry", "311": "industry", "312": "industry",
    "313": "industry", "321": "industry", "322": "industry", "323": "industry",
    "331": "industry", "332": "industry",
}
BY_CODE = {
    "16020": "employment",  # employment creation
    "16030": "housing",  # housing policy
    "16040": "housing",  # low-cost housing
    "21020": "roads",  # road transport
    "11330": "employment",  # vocational training
    "25030": "employment",  # business development services
}
ZH = {
    "11110": "教育政策与行政管理", "11120": "教育设施与培训", "11130": "教师培训",
    "11220": "初等教育", "11231": "青年基本生活技能", "11240": "学前教育",
    "11320": "中等教育", "11330": "职业培训", "11420": "高等教育",
    "12110": "卫生政策与行政管理", "12181": "医学教育与培训", "12191": "医疗服务",
    "12220": "基本卫生保健", "12230": "基本卫生基础设施", "12240": "基本营养",
    "12261": "健康教育", "12281": "卫生人员培训",
    "14020": "供水与卫生设施（大型系统）", "14030": "基本饮用水供应与基本卫生设施",
    "16010": "社会保障", "16020": "就业政策与行政管理", "16030": "住房政策与行政管理",
    "16040": "低成本住房", "16061": "文化与娱乐",
    "21020": "公路运输", "23110": "能源政策与行政管理",
    "25010": "商业政策与行政管理", "25030": "商业发展服务",
    "31120": "农业发展", "31161": "粮食作物生产", "31163": "畜牧业",
    "32130": "中小企业发展", "32161": "农产品加工", "32163": "纺织、皮革及替代品",
    "33120": "贸易便利化", "33210": "旅游政策与行政管理", "15110": "公共部门政策与行政管理",
    # the 3-digit sector categories
    "111": "教育（未指定级别）", "112": "基础教育", "113": "中等教育", "114": "中等后教育",
    "121": "卫生（一般）", "122": "基本卫生", "123": "非传染性疾病",
    "130": "人口政策与生殖健康", "140": "供水与卫生设施", "151": "政府与公民社会（一般）",
    "152": "冲突、和平与安全", "160": "其他社会基础设施与服务", "210": "交通与仓储",
    "220": "通信", "231": "能源政策", "232": "可再生能源发电", "233": "不可再生能源发电",
    "234": "混合能源电厂", "235": "核电站", "236": "能源输配", "240": "银行与金融服务",
    "250": "商业及其他服务", "311": "农业", "312": "林业", "313": "渔业", "321": "工业",
    "322": "矿产资源与采矿", "323": "建筑业", "331": "贸易政策与法规", "332": "旅游",
    "410": "一般环境保护", "430": "其他多部门", "510": "一般预算支持", "520": "发展性粮食援助",
    "530": "其他商品援助", "600": "债务相关行动", "720": "紧急应对", "730": "重建救济与恢复",
    "740": "防灾与备灾", "910": "援助方行政费用", "930": "援助国境内难民",
    "998": "未分配/未指定",
}


def category_of(code: str) -> str:
    return BY_CODE.get(code) or BY_GROUP.get(code[:3], "other")


def main(*sources: str) -> None:
    kept = {}
    if OUT.exists():
        with OUT.open(encoding="utf-8") as handle:
            kept = {row["code"]: row["name_zh"] for row in csv.DictReader(handle)}
    rows = []
    items = (item for source in sources for item in ET.parse(source).iter("codelist-item"))
    for item in items:
        if item.get("status") == "withdrawn":
            continue
        code = item.findtext("code")
        name = item.find("name/narrative").text.strip()
        rows.append([code, name, kept.get(code) or ZH.get(code, ""), category_of(code)])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name_en", "name_zh", "category"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} sectors written to {OUT}")


if __name__ == "__main__":
    main(*(sys.argv[1:] or ["../shared/iati/codelists/Sector.xml"]))
