"""Stage 3: is each contact value usable? An invalid one fails only if it is the only contact."""

from __future__ import annotations

import phonenumbers

from leadnexus.leads.validation.results import RowContext, StageReport, StageResult

STAGE = "validity"

LINE_TYPES: dict[int, str] = {
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll_free",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "premium_rate",
    phonenumbers.PhoneNumberType.SHARED_COST: "shared_cost",
    phonenumbers.PhoneNumberType.VOIP: "voip",
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    phonenumbers.PhoneNumberType.PAGER: "pager",
    phonenumbers.PhoneNumberType.UAN: "uan",
    phonenumbers.PhoneNumberType.VOICEMAIL: "voicemail",
}


def _check_email(ctx: RowContext, report: StageReport) -> None:
    if ctx.email_error is None:
        return
    message = f"The email address is not valid and was dropped: {ctx.email_error}"
    if ctx.phone_number is None:
        report.fail("invalid_email", message, "email")
    else:
        report.warn("invalid_email", message, "email")


def _check_phone(ctx: RowContext, report: StageReport) -> None:
    if ctx.phone_number is not None:
        kind = "unknown" if ctx.phone_type is None else LINE_TYPES.get(ctx.phone_type, "unknown")
        # Informational: buyers filter on line type, so it travels in the report, status pass.
        report.info("phone_line_type", f"Phone line type: {kind.replace('_', ' ')}", "phone")
        return
    if ctx.phone_error is None:
        return
    message = f"{ctx.phone_error} It was dropped."
    if ctx.email_ascii_domain is None:
        report.fail("invalid_phone", message, "phone")
    else:
        report.warn("invalid_phone", message, "phone")


def check(ctx: RowContext) -> StageResult:
    """Report invalid email, phone, website and LinkedIn values found by normalisation."""
    report = StageReport(STAGE)
    _check_email(ctx, report)
    _check_phone(ctx, report)
    if ctx.website_valid is False:
        report.warn("invalid_website", "The website is not a valid URL and was dropped.", "website")
    if ctx.linkedin_valid is False:
        report.warn(
            "invalid_linkedin_url",
            "The LinkedIn URL is not a profile link (linkedin.com/in/…) and was dropped.",
            "linkedin_url",
        )
    return report.result()
