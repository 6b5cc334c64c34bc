"""Stage 4: risk flags. They lower the score and inform the reviewer; they never reject a row."""

from __future__ import annotations

from disposable_email_domains import blocklist

from leadnexus.leads.validation import taxonomy
from leadnexus.leads.validation.results import RowContext, StageReport, StageResult

STAGE = "risk"
# Every flag a lead can carry: this stage's, and "no_mx" from deliverability (stage 5).
RISK_FLAGS = (
    "no_mx",
    "disposable_email",
    "role_mailbox",
    "free_mail",
    "email_domain_mismatch",
    "phone_country_mismatch",
)


def _email_flags(ctx: RowContext, report: StageReport) -> None:
    email, domain = ctx.fields["email"], ctx.email_domain
    if email is None or ctx.email_ascii_domain is None:
        return
    local_part = email.rsplit("@", 1)[0].split("+", 1)[0]
    if ctx.email_ascii_domain in blocklist or (domain is not None and domain in blocklist):
        _flag(ctx, report, "disposable_email", "The email uses a disposable-mail domain.")
    if local_part in taxonomy.ROLE_MAILBOXES:
        _flag(ctx, report, "role_mailbox", "The email is a shared role mailbox, not a person.")
    if domain is None:
        return
    if taxonomy.is_free_mail(domain):
        _flag(ctx, report, "free_mail", "The email is a free-mail address on a B2B lead.")
    elif ctx.fields["website"] and ctx.fields["website"] != domain:
        _flag(ctx, report, "email_domain_mismatch", "The email domain differs from the website.")


def _phone_flags(ctx: RowContext, report: StageReport) -> None:
    country = ctx.fields["country"]
    phone_country = ctx.phone_region
    if phone_country is None or country is None:
        return
    # "001" and friends are non-geographic numbers: no country to compare.
    if phone_country and phone_country.isalpha() and phone_country != country:
        _flag(
            ctx,
            report,
            "phone_country_mismatch",
            f"The phone number is from {phone_country}, the lead from {country}.",
        )


def _flag(ctx: RowContext, report: StageReport, code: str, message: str) -> None:
    ctx.flags.add(code)
    report.warn(code, message, "phone" if code.startswith("phone") else "email")


def check(ctx: RowContext) -> StageResult:
    """Flag disposable, role and free-mail addresses and domain or country mismatches."""
    report = StageReport(STAGE)
    _email_flags(ctx, report)
    _phone_flags(ctx, report)
    return report.result()
