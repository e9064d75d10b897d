"""The office reads another instance's IATI file into the demo: a donor the programme does not
know yet assisting Hotan County. Without a word the file waits for a mapping; asked to make what
is missing, it makes the donor and its pairing with Hotan Prefecture (its government is the
file's accountable organisation) and imports, as history, into the closed year."""

from pathlib import Path

from playwright.sync_api import expect

from tests.journeys.conftest import field

DONOR = "CN-USCI-52440300MJ00000016"  # illustrative: a well-formed credit code, no one's
FILE = f"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2025-01-10T00:00:00">
 <iati-activity xml:lang="en" default-currency="CNY" last-updated-datetime="2025-01-10T00:00:00">
  <iati-identifier>{DONOR}-clinic-2024</iati-identifier>
  <reporting-org ref="{DONOR}" type="60"><narrative>A Shenzhen Foundation</narrative>
   <narrative xml:lang="zh">深圳某基金会</narrative></reporting-org>
  <title><narrative>Village clinics, Hotan County</narrative>
   <narrative xml:lang="zh">和田县村卫生室</narrative></title>
  <description type="1"><narrative>Equipment for twelve village clinics.</narrative></description>
  <participating-org role="1" ref="{DONOR}" type="60"><narrative>A Shenzhen Foundation</narrative>
   <narrative xml:lang="zh">深圳某基金会</narrative></participating-org>
  <participating-org role="2" type="11">
   <narrative>Hotan Prefecture Administrative Office</narrative>
   <narrative xml:lang="zh">和田地区行政公署</narrative></participating-org>
  <activity-status code="3"/>
  <activity-date type="2" iso-date="2024-03-01"/>
  <recipient-country code="CN"/>
  <location ref="CN-ADM-653221"><name><narrative>Hotan County</narrative></name></location>
  <sector vocabulary="1" code="12230" percentage="100"/>
  <transaction ref="SZ-2024-1"><transaction-type code="2"/>
   <transaction-date iso-date="2024-03-01"/>
   <value currency="CNY" value-date="2024-03-01">800000</value></transaction>
 </iati-activity>
</iati-activities>
"""


def upload(page, t, tmp_path: Path, *, make: bool) -> None:
    path = tmp_path / "another-instance.xml"
    path.write_text(FILE, encoding="utf-8")
    page.goto("/import/iati/")
    field(page, t("File")).set_input_files(str(path))
    field(page, t("Enter as history, because")).fill("moved from another instance")
    if make:
        field(page, t("Make what the file names and this programme lacks")).check()
    page.get_by_role("button", name=t("Upload and check")).click()


def test_the_office_reads_another_instances_file_making_what_is_missing(
    served, person, t, tmp_path
):
    office = person("office")
    upload(office, t, tmp_path, make=False)
    expect(office.get_by_test_id("import-status")).to_have_text(t("Has problems"))

    upload(office, t, tmp_path, make=True)
    expect(office.get_by_test_id("import-create-missing")).to_be_visible()
    made = t(
        "Made from the file: places %(places)s, organizations %(organizations)s, "
        "pairings %(pairings)s, rounds %(rounds)s.",
        places=0,
        organizations=1,
        pairings=1,
        rounds=0,
    )
    expect(office.get_by_test_id("import-made")).to_have_text(made)
    office.get_by_role("button", name=t("Import %(n)s row", "Import %(n)s rows", 1, n=1)).click()
    expect(office.get_by_test_id("import-created")).to_contain_text("1")
    expect(office.get_by_test_id("import-made")).to_have_text(made)
