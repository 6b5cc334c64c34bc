"""The web app shell in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def _nav(page: Page):
    return page.get_by_role("navigation", name="Main navigation")


def _sign_in(page: Page, email: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name=re.compile("^Sign in$", re.I)).click()


def _signed_in(page: Page, email: str, password: str) -> None:
    """Signs in and waits for the session: navigating earlier would race the refresh cookie."""
    _sign_in(page, email, password)
    expect(page.get_by_role("button", name="Account menu")).to_be_visible()


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitem", name=re.compile("Sign out", re.I)).click()


def test_client_registers_logs_out_and_back_in(page: Page):
    email = "e2e.buyer@example.com"
    password = "a long and unusual passphrase"
    page.goto("/register")
    page.get_by_text("I want to buy leads").click()
    page.get_by_label("Full name").fill("Eve Buyer")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name=re.compile("Create account", re.I)).click()

    nav = _nav(page)
    expect(nav.get_by_role("link", name="Marketplace")).to_be_visible()
    expect(nav.get_by_role("link", name="Purchases")).to_be_visible()
    expect(nav.get_by_role("link", name="Users")).to_have_count(0)

    _sign_out(page)
    expect(page).to_have_url(re.compile(r"/(login)?$"))

    _sign_in(page, email, password)
    expect(_nav(page).get_by_role("link", name="Marketplace")).to_be_visible()
    # The session survives a reload through the httpOnly refresh cookie.
    page.reload()
    expect(_nav(page).get_by_role("link", name="Purchases")).to_be_visible()


def test_wrong_password_shows_a_clear_message(page: Page, live_server):
    _sign_in(page, "demo-client@example.com", "definitely not it")
    expect(page.get_by_role("alert")).to_contain_text(re.compile("incorrect", re.I))


def test_vendor_is_refused_the_admin_page(page: Page, live_server):
    vendor = "demo-vendor@example.com"
    _sign_in(page, vendor, live_server["logins"][vendor])
    expect(_nav(page).get_by_role("link", name="My leads")).to_be_visible()
    page.goto("/admin/users")
    expect(page.get_by_role("heading", name="Access denied")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)


def test_admin_sees_users_and_signed_out_visitors_are_sent_to_login(page: Page, live_server):
    page.goto("/admin/users")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    admin = "demo-admin@example.com"
    page.get_by_label("Email").fill(admin)
    page.get_by_label("Password", exact=True).fill(live_server["logins"][admin])
    page.get_by_role("button", name=re.compile("^Sign in$", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/users$"))
    row = page.get_by_role("row").filter(has_text="demo-vendor@example.com")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Victor Vendor")
