"""The government of a place that can be assisted: the body accountable for what a pairing
brings it (IATI's role 2) and, unless an entry names another, the receiver of its money."""

from django.utils.text import slugify

from counterpart.places.choices import RegionLevel

GOVERNED_LEVELS = frozenset({RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.DIVISION})


def government_code(region) -> str:
    """`653200-government`; a place whose code is not a slug ("iati-和田市") by its id."""
    slug = slugify(region.code)
    return f"{slug if slug == region.code.lower() else f'place-{region.pk}'}-government"


def government_names(region) -> tuple[str, str, str]:
    """(English, Chinese, Uyghur) names of a place's government: a prefecture's administrative
    office (地区行政公署), a corps division's own (师市合一), a people's government; a place in
    another country (under an ISO country code other than CN) is simply governed."""
    if _abroad(region):
        return (
            f"Government of {region.name_en}",
            f"{region.name_zh}政府" if region.name_zh else "",
            f"{region.name_ug} ھۆكۈمىتى" if region.name_ug else "",
        )
    if region.level == RegionLevel.DIVISION:
        return region.name_en, region.name_zh, region.name_ug
    if region.name_zh.endswith("地区"):
        return (
            f"{region.name_en} Administrative Office",
            f"{region.name_zh}行政公署",
            region.name_ug.replace("ۋىلايىتى", "ۋىلايەتلىك") + " مەمۇرىي مەھكىمە",
        )
    return (
        f"{region.name_en} People's Government",
        f"{region.name_zh}人民政府" if region.name_zh else "",
        f"{region.name_ug} خەلق ھۆكۈمىتى" if region.name_ug else "",
    )


def _abroad(region) -> bool:
    while region.parent_id is not None:
        region = region.parent
    code = region.code.upper()
    return region.level == RegionLevel.COUNTRY and len(code) == 2 and code != "CN"
