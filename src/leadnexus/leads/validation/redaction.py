"""Public text (title, description) must not give away the contact a buyer has not paid for.

Buyers search and read titles and descriptions before they buy, so anything that identifies the
contact — the lead's own names, email, phone, company, website, and any email address, URL or
phone-like number — is replaced by a placeholder during normalisation.
"""

from __future__ import annotations

import re

from leadnexus.leads.validation.results import RowContext, StageReport

PUBLIC_TEXT_FIELDS = ("title", "description")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|de|fr|uk)\b\S*"
)
PHONE = re.compile(r"\+?\d[\d ().-]{6,}\d")
MIN_NAME_LENGTH = 3  # "Al" or "Li" would blank out common words


def _own_values(ctx: RowContext) -> list[str]:
    fields = ctx.fields
    values = [fields.get(name) for name in ("first_name", "last_name", "company_name", "website")]
    return sorted({v for v in values if v and len(v) >= MIN_NAME_LENGTH}, key=len, reverse=True)


# Cheap tests first: most descriptions hold none of these, and the full patterns cost ~25 µs.
MAY_HOLD_LINK = re.compile(r"://|www\.|\.(?:com|net|org|io|co|de|fr|uk)\b", re.IGNORECASE)
MAY_HOLD_PHONE = re.compile(r"\d{3}")


def redact(text: str, own: list[str]) -> str:
    if "@" in text:
        text = EMAIL.sub("[email hidden]", text)
    if MAY_HOLD_LINK.search(text):
        text = URL.sub("[link hidden]", text)
    if MAY_HOLD_PHONE.search(text):
        text = PHONE.sub("[phone hidden]", text)
    folded = text.casefold()
    for value in own:
        if value.casefold() in folded:  # cheap test first: most texts name nobody
            text = re.sub(rf"\b{re.escape(value)}\b", "[hidden]", text, flags=re.IGNORECASE)
    return text


def check(ctx: RowContext, report: StageReport) -> None:
    """Redact contact details in the public text fields, saying so in the report."""
    own = _own_values(ctx)
    for name in PUBLIC_TEXT_FIELDS:
        original = ctx.fields.get(name)
        if not original:
            continue
        cleaned = redact(original, own)
        if cleaned != original:
            ctx.fields[name] = cleaned
            report.warn(
                "contact_details_hidden",
                f"Contact details in the {name} were hidden: buyers see it before they buy.",
                name,
            )
