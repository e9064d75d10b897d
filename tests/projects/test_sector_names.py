from django.utils import translation

from counterpart.projects.selectors import sector_list


def test_every_sector_the_product_ships_has_a_chinese_name(db):
    sectors = list(sector_list())
    assert len(sectors) > 250
    assert [s.code for s in sectors if not s.name_zh] == []
    with translation.override("zh-hans"):
        assert sector_list().get(code="32130").name == "中小企业发展"
