"""Two browsers side by side: an admin approves, the vendor's bell changes without a reload."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_shell import _sign_in, _signed_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def vendor_page(browser, live_server) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server["url"], viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-vendor-bell.png"), full_page=True)
    context.close()


def _unread(page: Page) -> int:
    label = page.get_by_role("button", name=re.compile(r"^Notifications")).get_attribute(
        "aria-label"
    )
    match = re.search(r"(\d+) unread", label or "")
    return int(match.group(1)) if match else 0


DEMO_VENDORS = {
    "Northwind Data": "demo-vendor@example.com",
    "Contoso Leads": "demo-vendor2@example.com",
}


def test_admin_approval_reaches_the_vendor_bell_live(page: Page, vendor_page: Page, live_server):
    logins = live_server["logins"]  # email -> password
    _signed_in(page, "demo-admin@example.com", logins["demo-admin@example.com"])
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name=re.compile("Review queue")
    ).click()
    queue = page.get_by_role("table")
    first_row = queue.get_by_role("row").nth(1)
    expect(first_row).to_contain_text(re.compile("|".join(DEMO_VENDORS)))  # loaded, not a skeleton
    row_text = first_row.inner_text()
    [vendor_name] = [name for name in DEMO_VENDORS if name in row_text]
    vendor_email = DEMO_VENDORS[vendor_name]

    # The lead's vendor, in another browser, signed in and idle on its dashboard.
    _sign_in(vendor_page, vendor_email, logins[vendor_email])
    bell = vendor_page.get_by_role("button", name=re.compile(r"^Notifications"))
    expect(bell).to_be_visible()
    vendor_page.wait_for_timeout(500)  # let the stream connect
    before = _unread(vendor_page)

    first_row.get_by_role("checkbox").check()
    page.get_by_role("button", name=re.compile(r"^Approve", re.I)).first.click()
    expect(page.get_by_text(re.compile(r"1 approved", re.I)).first).to_be_visible()

    # No reload: the event crosses from the web process that took the decision to the
    # vendor's open stream.
    expect(bell).to_have_attribute("aria-label", re.compile(rf"{before + 1} unread"), timeout=5_000)
    bell.click()
    expect(vendor_page.get_by_text(re.compile(r"1 lead approved", re.I)).first).to_be_visible()
