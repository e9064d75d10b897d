"""The public reads the dashboard and its tile map, then the open data page, and downloads a CSV
that a spreadsheet opens with its Chinese intact."""

import codecs
import csv
import io
import re
from pathlib import Path

import requests
from playwright.sync_api import expect


def test_the_public_reads_the_programme_and_takes_its_data(served, person, t):
    page = person(None)
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Money and results"))
    headline = page.locator(".stats.headline")
    expect(headline).to_contain_text(t("Disbursement rate"))
    rates = [float(r) for r in re.findall(r"(\d+(?:\.\d+)?) %", headline.inner_text())]
    assert rates and max(rates) <= 100  # no public rate above a hundred percent
    serving = headline.locator(".stat", has_text=t("Serving now")).locator("strong")
    assert int(serving.inner_text().replace(",", "")) > 0  # the demo has people serving today
    tiles = page.locator("svg.tiles rect")
    empty = page.locator("svg.tiles rect.empty")
    assert tiles.count() >= 20 and empty.count() <= 3  # the whole programme, not a corner
    page.get_by_label(t("Colour by")).select_option("per_head")
    page.get_by_role("button", name=t("Show"), exact=True).last.click()
    expect(page.locator(".map-table caption")).not_to_be_empty()

    page.goto("/open-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Open data"))
    link = page.get_by_role("link", name="projects.csv")
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename == "projects.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert any("对口支援" in row["title_zh"] for row in rows)
    answer = requests.get(served.url + "/open-data/files/projects.csv", timeout=30)
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8"
