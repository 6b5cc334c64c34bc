"""Stage 5: does the email domain accept mail (MX records)? Off unless the caller asks.

The DNS lookup is a module-level function so tests and callers can inject a resolver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from leadnexus.leads.validation.results import Reason, RowContext, StageResult

STAGE = "deliverability"
LIFETIME_SECONDS = 2.0
MAX_CACHED_DOMAINS = 50_000

MxAnswer = Literal["found", "none", "unknown"]
MxLookup = Callable[[str], MxAnswer]

# Only definite answers are cached: a timeout now may be an answer on the next row.
_cache: dict[str, MxAnswer] = {}


def dns_mx_lookup(domain: str) -> MxAnswer:
    """One of: found; none (NXDOMAIN, no MX, a null MX); unknown (timeout, no server)."""
    # Imported here: dnspython (an email-validator dependency) is only needed with MX checks.
    import dns.exception
    import dns.resolver

    resolver = dns.resolver.Resolver()
    resolver.lifetime = LIFETIME_SECONDS
    try:
        answer = resolver.resolve(domain, "MX")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return "none"
    except dns.exception.DNSException:
        return "unknown"
    # RFC 7505 null MX ("0 .") says the domain accepts no mail.
    hosts = [str(record.exchange) for record in answer]  # type: ignore[attr-defined]
    return "found" if any(host not in (".", "") for host in hosts) else "none"


def cached_lookup(domain: str, lookup: MxLookup) -> MxAnswer:
    if domain in _cache:
        return _cache[domain]
    answer = lookup(domain)
    if answer != "unknown":
        if len(_cache) >= MAX_CACHED_DOMAINS:
            _cache.clear()
        _cache[domain] = answer
    return answer


def clear_cache() -> None:
    _cache.clear()


def check(ctx: RowContext, *, check_mx: bool, lookup: MxLookup | None = None) -> StageResult:
    """Not checked unless check_mx; a domain without mail servers is a warning and a flag."""
    if not check_mx:
        return _not_checked("not_checked", "MX lookup is switched off")
    domain = ctx.email_ascii_domain
    if domain is None:
        return _not_checked("no_email", "There is no valid email address to check.")
    answer = cached_lookup(domain, lookup or dns_mx_lookup)
    if answer == "unknown":
        return _not_checked("not_checked", "The DNS lookup timed out or failed.")
    if answer == "none":
        ctx.flags.add("no_mx")
        message = f"The domain {domain} has no mail servers (MX)."
        return StageResult(STAGE, "warn", [Reason("no_mx", message, "email")])
    return StageResult(STAGE, "pass", [])


def _not_checked(code: str, message: str) -> StageResult:
    return StageResult(STAGE, "not_checked", [Reason(code, message, "email")])
