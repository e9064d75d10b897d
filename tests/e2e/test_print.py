"""The report builder used in the page (chosen, shown as bars and a table, downloaded), and a
page printed or saved as PDF from the browser in each language: A4, numbered pages, its text in
the reader's language (Chinese and Uyghur in fonts the page brings with it), and on every page
when it was printed and the filters it shows. Uyghur is checked by its font: the PDF keeps no
text for Arabic letters in their joined forms, so none can be read back."""

import io
import re
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests import factories as f
from tests.e2e.conftest import sign_in

HEADINGS = {"en": "Money and results", "zh-hans": "资金与成效", "ug": "پۇل ۋە نەتىجە"}
PRINTED = {"en": "Printed", "zh-hans": "打印于"}


def plain(text: str) -> str:
    """The PDF's text as words: presentation forms of Arabic letters back to letters, no
    spacing between words in scripts that have none."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("code", ["en", "zh-hans", "ug"])
def test_the_dashboard_printed_as_pdf(page, live_server, world, code):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference="L-1")
    sign_in(page, "office")
    page.context.add_cookies([{"name": "django_language", "value": code, "url": live_server.url}])
    page.goto(f"/dashboard/?donor={world.beijing.pk}")
    expect(page.locator("button[data-print]")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("header.top nav")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))  # the page's own @page
    width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    fonts = {
        font["/BaseFont"]
        for sheet in pdf.pages
        for font in sheet["/Resources"]["/Font"].get_object().values()
    }
    assert any("NotoSansSC" in name for name in fonts)  # the names of places, in every language
    if code == "ug":
        assert any("NotoSansArabic" in name for name in fonts)
    else:
        assert plain(HEADINGS[code]) in plain(pdf.pages[0].extract_text())
    donor = world.beijing.name_en if code == "en" else world.beijing.name_zh
    pages = len(pdf.pages)
    for number, sheet in enumerate(pdf.pages, 1):
        text = plain(sheet.extract_text())
        assert f"{number}/{pages}" in text or f"{pages}/{number}" in text  # read right to left
        assert donor in text  # the filter chosen, in words
        if code != "ug":
            assert plain(PRINTED[code]) in text


def test_a_report_built_in_the_page_and_downloaded(page, world):
    f.EntryFactory(pairing=world.beijing_hotan_city, sector="12230", reference="L-1")
    f.EntryFactory(
        pairing=world.guangdong_shufu, sector="12230", reference="L-2", amount_minor=50_000
    )
    sign_in(page, "office")
    page.locator("#main-nav summary", has_text="Reports").click()
    page.locator("#main-nav").get_by_role("link", name="Report builder").click()
    page.locator("#id_measure").select_option("committed")
    page.locator("#id_rows").select_option("prefecture")
    page.locator("#id_columns").select_option("donor")
    page.locator("#id_display").select_option("bars")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(
        re.compile(r"/reports/\?measure=committed&rows=prefecture&columns=donor")
    )
    section = page.locator("section.card")
    expect(section.locator("canvas")).to_have_attribute("data-rendered", "true")
    section.get_by_text("Table").click()
    expect(section.locator("tbody tr", has_text="Hotan Prefecture")).to_contain_text("¥1,000.00")
    expect(section.locator("tbody tr", has_text="Total").last).to_contain_text("¥1,500.00")
    with page.expect_download() as download:
        section.get_by_role("link", name="Download CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Prefecture,Beijing (CNY),Guangdong (CNY),Total (CNY)"
