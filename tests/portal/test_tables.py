"""A figures table: its chart draws what its table and CSV hold, minus what it leaves out."""

from counterpart.core.tables import Table


def jobs(**fields):
    return Table(
        slug="jobs",
        title="Jobs",
        columns=["Company", "Employees", "Formerly poor", "Share (%)"],
        rows=[["Oil plant 2021", 48, 34, 70.8], ["Garments 2021", 12, 5, 41.7]],
        **fields,
    )


def test_a_percentage_beside_counts_is_left_out_of_the_chart_but_not_the_table():
    chart = jobs(charted=2).chart()
    assert [d["label"] for d in chart["datasets"]] == ["Employees", "Formerly poor"]
    assert chart["datasets"][0]["data"] == [48.0, 12.0]
    assert chart["integer"] is True  # whole-number ticks for counts
    assert jobs(charted=2).display_rows()[0] == ("Oil plant 2021", ["48", "34", "70.8"])
    assert jobs().chart()["integer"] is False  # the share is not a count


def test_money_is_charted_in_major_units_and_never_as_counts():
    money = Table(
        slug="m", title="M", columns=["Donor", "Committed"], rows=[["A", 12_345]], currency="CNY"
    )
    chart = money.chart()
    assert chart["datasets"][0]["data"] == [123.45]
    assert chart["integer"] is False


def test_a_time_axis_has_every_year_and_month_between():
    from counterpart.core.tables import continuous

    assert continuous([["2017", 1], ["2020", 4]]) == [
        ["2017", 1],
        ["2018", 0],
        ["2019", 0],
        ["2020", 4],
    ]
    months = continuous([["2017-11", 1, 2], ["2018-02", 3, None]], blank=None)
    assert [row[0] for row in months] == ["2017-11", "2017-12", "2018-01", "2018-02"]
    assert months[1] == ["2017-12", None, None]
    assert continuous([["Health", 1], ["Roads", 2]]) == [["Health", 1], ["Roads", 2]]
    assert continuous([["2017", 1]]) == [["2017", 1]]
