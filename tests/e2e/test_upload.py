"""A vendor uploads a messy file in the browser and sees it mapped, processed and reported."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_shell import _signed_in

pytestmark = pytest.mark.e2e

MESSY = (
    "Full Name;E-mail Address;Phone #;Title;Org;Website;Country;Email opt-in\n"
    "Ada Lovelace;ada@analytical.io;+44 20 7946 0958;VP Sales;Analytical Engines;analytical.io;UK;yes\n"
    "Alan Turing;alan@bletchley.co.uk;+44 20 7946 0000;CTO;Bletchley Park;bletchley.co.uk;UK;yes\n"
    "Grace Hopper;grace at navy;;Director;US Navy;navy.mil;US;no\n"
    "Ada Lovelace;ada@analytical.io;+44 20 7946 0958;VP Sales;Analytical Engines;analytical.io;UK;yes\n"
)


def test_vendor_uploads_maps_and_sees_the_result(page: Page, live_server, tmp_path):
    vendor = "demo-vendor2@example.com"
    _signed_in(page, vendor, live_server["logins"][vendor])
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Uploads"
    ).click()
    page.get_by_role("link", name=re.compile("Upload leads", re.I)).first.click()

    path = tmp_path / "partner-export.csv"
    path.write_text(MESSY, encoding="utf-8")
    page.get_by_label("Lead file").set_input_files(str(path))

    mapping = page.get_by_role("table", name="Column mapping")
    expect(mapping).to_be_visible()
    email_row = mapping.get_by_role("row").filter(has_text="E-mail Address")
    expect(email_row).to_contain_text("Email")
    opt_in_row = mapping.get_by_role("row").filter(has_text="Email opt-in")
    expect(opt_in_row.get_by_role("combobox")).not_to_have_text("Email")

    page.get_by_role("button", name="Next").click()  # defaults
    page.get_by_role("button", name="Next").click()  # review
    page.get_by_role("button", name="Start import").click()

    expect(page.get_by_text("Accepted with warnings")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("link", name=re.compile("See these leads"))).to_be_visible()
    summary = page.locator("main")
    expect(summary).to_contain_text("Duplicate within this file")
    expect(summary).to_contain_text("Invalid email address")
    page.get_by_role("link", name=re.compile("See these leads")).click()
    expect(page.get_by_role("table")).to_contain_text("ada@analytical.io")


def test_vendor_leaves_the_mapping_and_comes_back_to_it(page: Page, live_server, tmp_path):
    vendor = "demo-vendor2@example.com"
    _signed_in(page, vendor, live_server["logins"][vendor])
    page.goto("/vendor/uploads/new")
    path = tmp_path / "left-behind.csv"
    path.write_text(MESSY.replace("Ada Lovelace", "Ada Byron"), encoding="utf-8")
    page.get_by_label("Lead file").set_input_files(str(path))
    expect(page.get_by_role("table", name="Column mapping")).to_be_visible()

    page.get_by_role("link", name="All uploads").click()  # leave before confirming
    row = page.get_by_role("row").filter(has_text="left-behind.csv")
    expect(row).to_contain_text("Not confirmed")
    row.get_by_role("link", name="Continue").click()

    mapping = page.get_by_role("table", name="Column mapping")
    expect(mapping.get_by_role("row").filter(has_text="E-mail Address")).to_contain_text("Email")
    page.get_by_role("button", name="Next").click()  # defaults
    page.get_by_role("button", name="Next").click()  # review
    page.get_by_role("button", name="Start import").click()
    expect(page.get_by_text("Accepted with warnings")).to_be_visible(timeout=30_000)


def test_a_wide_file_keeps_every_field_selector_on_screen(page: Page, live_server, tmp_path):
    """A file with many columns scrolls in its preview; the mapping stays within the card."""
    vendor = "demo-vendor2@example.com"
    _signed_in(page, vendor, live_server["logins"][vendor])
    page.goto("/vendor/uploads/new")
    headers = ["Email", "Phone", "Company", *(f"Custom field number {n}" for n in range(1, 15))]
    row = [
        "wide@wideco.io",
        "+44 20 7946 0100",
        "Wide Co",
        *("a long value here" for _ in range(14)),
    ]
    path = tmp_path / "wide-export.csv"
    path.write_text(f"{','.join(headers)}\n{','.join(row)}\n", encoding="utf-8")
    page.get_by_label("Lead file").set_input_files(str(path))

    mapping = page.get_by_role("table", name="Column mapping")
    expect(mapping.get_by_role("columnheader", name="Match")).to_be_in_viewport()
    expect(mapping.get_by_role("combobox").first).to_be_in_viewport(ratio=1)
