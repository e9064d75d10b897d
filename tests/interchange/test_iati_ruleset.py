"""The ruleset evaluator itself: each kind of rule catches what it should, on small documents."""

import datetime

import pytest
from lxml import etree

from counterpart.interchange.iati import ruleset, validate

pytestmark = pytest.mark.usefixtures("iati_standard")

TODAY = datetime.date(2026, 12, 1)


def activity(inner: str, identifier: str = "CN-USCI-X-1", extra: str = "") -> etree._ElementTree:
    return etree.ElementTree(
        etree.fromstring(
            f"""<iati-activities version="2.03"><iati-activity xml:lang="en"
            default-currency="CNY" {extra}><iati-identifier>{identifier}</iati-identifier>
            <reporting-org ref="CN-USCI-X" type="11"><narrative>Beijing</narrative></reporting-org>
            {inner}</iati-activity></iati-activities>"""
        )
    )


def rules_broken(document) -> set[str]:
    findings = ruleset.check(document, validate.standard_ruleset(), today=TODAY)
    return {finding.rule for finding in findings}


def test_a_sound_activity_breaks_no_rule():
    document = activity(
        '<activity-date type="1" iso-date="2024-01-01"/><recipient-country code="CN"/>'
        '<sector vocabulary="1" code="12230" percentage="60"/>'
        '<sector vocabulary="1" code="11220" percentage="40"/>'
    )
    assert rules_broken(document) == set()


def test_without_a_country_every_transaction_names_one():
    assert "3.7.1" in rules_broken(activity('<activity-date type="1" iso-date="2024-01-01"/>'))


def test_sector_percentages_must_add_up_to_100():
    document = activity(
        '<activity-date type="1" iso-date="2024-01-01"/>'
        '<sector vocabulary="1" code="12230" percentage="60"/>'
        '<sector vocabulary="1" code="11220" percentage="30"/>'
    )
    assert "2.1.2" in rules_broken(document)


def test_sectors_on_the_activity_and_on_transactions_is_refused():
    document = activity(
        '<activity-date type="1" iso-date="2024-01-01"/>'
        '<sector vocabulary="1" code="12230"/>'
        '<transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-01"/>'
        '<value currency="CNY" value-date="2024-01-01">1</value>'
        '<sector vocabulary="1" code="12230"/></transaction>'
    )
    assert "6.6.2" in rules_broken(document)


def test_an_identifier_must_start_with_the_reporters_and_hold_no_slash():
    assert "1.1.21" in rules_broken(
        activity('<activity-date type="1" iso-date="2024-01-01"/>', identifier="OTHER-1")
    )
    assert "1.3.13" in rules_broken(
        activity('<activity-date type="1" iso-date="2024-01-01"/>', identifier="CN-USCI-X-a/b")
    )


def test_no_start_date_a_future_transaction_and_a_budget_over_a_year_are_refused():
    assert "6.11.1" in rules_broken(activity(""))
    future = activity(
        '<activity-date type="1" iso-date="2024-01-01"/>'
        '<transaction><transaction-type code="3"/><transaction-date iso-date="2027-01-01"/>'
        '<value currency="CNY" value-date="2027-01-01">1</value></transaction>'
    )
    assert {"11.2.1", "11.2.2"} <= rules_broken(future)
    long_budget = activity(
        '<activity-date type="1" iso-date="2024-01-01"/>'
        '<budget><period-start iso-date="2024-01-01"/><period-end iso-date="2025-06-30"/>'
        '<value currency="CNY" value-date="2024-01-01">1</value></budget>'
    )
    assert "7.5.3" in rules_broken(long_budget)


def test_a_language_or_currency_must_be_given_somewhere():
    document = etree.ElementTree(
        etree.fromstring(
            '<iati-activities version="2.03"><iati-activity>'
            "<iati-identifier>CN-USCI-X-1</iati-identifier>"
            '<reporting-org ref="CN-USCI-X"><narrative>B</narrative></reporting-org>'
            '<activity-date type="1" iso-date="2024-01-01"/>'
            '<transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-01"/>'
            '<value value-date="2024-01-01">1</value></transaction>'
            "</iati-activity></iati-activities>"
        )
    )
    assert {"4.1.1", "7.8.1"} <= rules_broken(document)
