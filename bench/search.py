"""Marketplace search under load: filter-only, text + facets, and lead detail.

Run: `BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python -m
bench.search` (1,000,000 published leads; generated once and kept, reused while the count
matches), or without BENCH_DATABASE_URL for SQLite (100,000 leads, generated per run).
Starts `leadnexus serve` as `make run` does, replays a seeded mix of real-looking queries
(text + 2-3 filters + facets + sort, as the marketplace page sends them) at rising concurrency,
and prints throughput and p50/p95/p99 per query type. On PostgreSQL it also prints the plans of
representative queries (EXPLAIN ANALYZE).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import orjson
from sqlalchemy import text

from bench._load import run_load
from bench._server import bench_database_url, new_instance, reset_postgres, running_stack
from leadnexus.cli import migrate
from leadnexus.db import make_engine
from leadnexus.leads.validation.taxonomy import DEPARTMENTS, INDUSTRIES, SENIORITIES

COUNTRIES = [
    ("US", 34),
    ("GB", 12),
    ("DE", 10),
    ("FR", 8),
    ("CA", 6),
    ("NL", 4),
    ("ES", 4),
    ("IT", 4),
    ("AU", 4),
    ("SE", 3),
    ("CH", 3),
    ("IE", 2),
    ("BE", 2),
    ("PL", 2),
    ("BR", 1),
    ("IN", 1),
]
CITIES = [
    "London",
    "Berlin",
    "Paris",
    "New York",
    "Austin",
    "Chicago",
    "Toronto",
    "Munich",
    "Madrid",
    "Amsterdam",
    "Sydney",
    "Stockholm",
    "Zurich",
    "Dublin",
    "Boston",
    "Seattle",
    "Denver",
    "Hamburg",
    "Lyon",
    "Milan",
    "Warsaw",
    "Brussels",
    "Vancouver",
    "Atlanta",
]
SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+"]
ROLE_WORDS = {
    "C-level": ["Chief {d} Officer", "Chief Executive Officer", "Founder & CEO"],
    "VP": ["VP {d}", "Vice President of {d}"],
    "Director": ["Director of {d}", "{d} Director", "Head of {d}"],
    "Manager": ["{d} Manager", "Senior {d} Manager", "{d} Team Lead"],
    "Individual contributor": ["{d} Specialist", "{d} Analyst", "Senior {d} Engineer"],
}
NEEDS = [
    "a CRM migration",
    "cloud cost reduction",
    "expanding into new markets",
    "hiring a data team",
    "a procurement platform",
    "cybersecurity audits",
    "payroll automation",
    "ERP consolidation",
    "marketing attribution",
    "supply chain visibility",
    "customer onboarding",
    "compliance tooling",
]
TEXT_QUERIES = [
    "sales",
    "manager",
    "procurement",
    "cloud",
    "security",
    "marketing director",
    '"head of sales"',
    "cfo OR finance",
    "engineering -intern",
    "supply chain",
    "payroll",
    "data team",
    "crm migration",
    "vp operations",
    "founder",
]
COLUMNS = (
    "vendor_id",
    "title",
    "description",
    "industry",
    "job_title",
    "seniority",
    "department",
    "company_size",
    "country",
    "region",
    "city",
    "contact_first_name",
    "contact_last_name",
    "email",
    "phone",
    "company_name",
    "website",
    "lead_score",
    "price",
    "currency",
    "max_sales",
    "sales_count",
    "status",
    "validation_status",
    "approval_status",
    "email_verified",
    "phone_verified",
    "validation_report",
    "risk_flags",
    "score_breakdown",
    "score_version",
    "created_at",
    "updated_at",
    "published_at",
    "submitted_at",
    "version",
)
REPORT = orjson.dumps(
    [{"stage": stage, "status": "pass", "reasons": []} for stage in ("required", "validity")]
).decode()
BREAKDOWN = '[{"name":"completeness","weight":0.3,"value":0.8,"detail":"8 of 10 fields"}]'


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _industry_weights() -> list[tuple[str, int]]:
    # A long tail: a few big sectors, many small ones.
    return [(name, max(1, 40 // (rank + 1))) for rank, name in enumerate(INDUSTRIES)]


def generate_rows(count: int, vendors: list[int], seed: int = 7):
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    industries = _industry_weights()
    now = datetime.now(UTC)
    seniority_weights = [
        ("C-level", 8),
        ("VP", 10),
        ("Director", 20),
        ("Manager", 32),
        ("Individual contributor", 30),
    ]
    for n in range(count):
        seniority = _weighted(rng, seniority_weights)
        department = rng.choice(DEPARTMENTS)
        job_title = rng.choice(ROLE_WORDS[seniority]).format(d=department)
        industry = _weighted(rng, industries)
        country = _weighted(rng, COUNTRIES)
        city = rng.choice(CITIES)
        published = now - timedelta(seconds=rng.randint(0, 180 * 86400))
        score = round(min(1.0, max(0.2, rng.gauss(0.72, 0.12))), 3)
        yield (
            rng.choice(vendors),
            f"{job_title} · {industry} · {city}, {country}",
            f"Evaluating {rng.choice(NEEDS)} and {rng.choice(NEEDS)} this year.",
            industry,
            job_title,
            seniority,
            department,
            rng.choice(SIZES),
            country,
            city,
            city,
            f"First{n}",
            f"Last{n}",
            f"person{n}@company{n}.example",
            f"+1415{n:07d}",
            f"Company {n}",
            f"company{n}.example",
            score,
            f"{rng.randint(10, 120)}.00",
            "USD",
            rng.choice((1, 1, 2, 3, 5)),
            0,
            "available",
            "passed",
            "approved",
            True,
            rng.random() < 0.7,
            REPORT,
            "[]",
            BREAKDOWN,
            "2026.1",
            published,
            published,
            published,
            published,
            1,
        )


def _leads_ready(url: str, count: int) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT count(*) FROM leads WHERE status='available'"))
            return found.scalar() == count
    except Exception:
        return False
    finally:
        engine.dispose()


def _vendors(conn, n: int = 25) -> list[int]:
    ids = []
    for i in range(n):
        ids.append(
            conn.execute(
                text(
                    "INSERT INTO users (email, password_hash, role, is_active, is_trusted_vendor,"
                    " name, company, token_version, created_at, updated_at) VALUES (:e, 'x',"
                    " 'vendor', true, false, :n, :c, 0, now(), now()) RETURNING id"
                    if conn.dialect.name == "postgresql"
                    else "INSERT INTO users (email, password_hash, role, is_active,"
                    " is_trusted_vendor, name, company, token_version, created_at, updated_at)"
                    " VALUES (:e, 'x', 'vendor', 1, 0, :n, :c, 0, datetime('now'),"
                    " datetime('now')) RETURNING id"
                ),
                {"e": f"vendor{i}@bench.example", "n": f"Vendor {i}", "c": f"Vendor {i} Ltd"},
            ).scalar()
        )
    return ids


def load_postgres(url: str, count: int) -> None:
    """COPY with the leads indexes dropped, then rebuilt: the fast way to load a big table."""
    reset_postgres(url)
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        vendors = _vendors(conn)
        indexes = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'leads'"
                " AND indexname NOT LIKE 'pk_%' AND indexname NOT LIKE 'uq_%'"
            )
        ).all()
        for name, _definition in indexes:
            conn.execute(text(f'DROP INDEX "{name}"'))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        columns = ", ".join(COLUMNS)
        with cursor.copy(f"COPY leads ({columns}) FROM STDIN") as copy:
            for row in generate_rows(count, vendors):
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()
    with engine.begin() as conn:
        conn.execute(text("SET maintenance_work_mem = '512MB'"))
        for _name, definition in indexes:
            conn.execute(text(definition))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE leads"))
    engine.dispose()


def load_sqlite(url: str, count: int) -> None:
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        vendors = _vendors(conn)
    raw = engine.raw_connection()
    try:
        placeholders = ", ".join("?" for _ in COLUMNS)
        sql = f"INSERT INTO leads ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608
        rows = (
            tuple(v.isoformat(sep=" ") if isinstance(v, datetime) else v for v in row)
            for row in generate_rows(count, vendors)
        )
        raw.cursor().executemany(sql, rows)
        raw.commit()
        raw.cursor().execute("ANALYZE")
    finally:
        raw.close()
    engine.dispose()


def _filter_query(rng: random.Random) -> dict:
    industries = list(INDUSTRIES)[:12]
    query: dict = {"limit": 24}
    picks = rng.sample(["industry", "country", "seniority", "min_score", "validation"], 3)
    if "industry" in picks:
        query["industry"] = ",".join(rng.sample(industries, rng.choice((1, 1, 2))))
    if "country" in picks:
        query["country"] = rng.choice(("US", "GB", "DE", "FR", "US,GB", "DE,FR"))
    if "seniority" in picks:
        query["seniority"] = rng.choice(SENIORITIES)
    if "min_score" in picks:
        query["min_score"] = rng.choice((0.6, 0.7, 0.8))
    if "validation" in picks:
        query["validation"] = "email_and_phone"
    query["sort"] = rng.choice(("newest", "newest", "score", "price_asc"))
    return query


def _text_query(rng: random.Random) -> dict:
    query = _filter_query(rng)
    query.pop(
        rng.choice([k for k in ("industry", "country", "seniority") if k in query] or ["x"]), None
    )
    query["q"] = rng.choice(TEXT_QUERIES)
    query["sort"] = rng.choice(("relevance", "relevance", "newest"))
    return query


def _get(conn, path: str) -> int:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return response.status


def _explain(url: str) -> None:
    """EXPLAIN ANALYZE of every statement a few representative searches run, as they run them
    (same transaction settings), so the plans follow the search code."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from leadnexus.marketplace import search

    samples = {
        "filters: industry + country, newest": search.SearchParams(
            industry=("Software",), country=("US",), sort=search.Sort.NEWEST
        ),
        "filters: rare combination by score": search.SearchParams(
            industry=("Manufacturing",),
            country=("FR",),
            validation=search.ValidationLevel.EMAIL_AND_PHONE,
            sort=search.Sort.SCORE,
        ),
        "text: common words + country + seniority, relevance": search.SearchParams(
            q="supply chain", country=("FR",), seniority=("C-level",)
        ),
    }
    engine = make_engine(url)
    statements: list[tuple[str, dict]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    with Session(engine) as session:
        for label, params in samples.items():
            search.clear_cache()
            statements.clear()
            search.search(session, params, limit=24, cursor=None, facets=True)
            ran = list(statements)
            event.remove(engine, "before_cursor_execute", capture)
            for statement, parameters in ran:
                plan = session.connection().exec_driver_sql(
                    f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters
                )
                print(f"\n-- plan: {label}\n" + "\n".join(row[0] for row in plan))
            event.listen(engine, "before_cursor_execute", capture)
            session.rollback()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--leads", type=int, default=None)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()

    instance = new_instance()
    url = bench_database_url(instance)
    postgres = url.startswith("postgresql")
    count = args.leads or (1_000_000 if postgres else 100_000)
    started = time.perf_counter()
    if postgres and _leads_ready(url, count):
        print(f"reusing {count:,} published leads")
    else:
        (load_postgres if postgres else load_sqlite)(url, count)
        print(f"generated {count:,} published leads in {time.perf_counter() - started:.0f} s")
    if postgres:
        _explain(url)

    rng = random.Random(42)  # noqa: S311 - a reproducible query mix
    n = args.requests

    # New requests for every row: replaying one list at each concurrency would let the server's
    # 30 s summary cache answer the later rows. Repeats within a row happen as they would live.
    def filters() -> list[str]:
        return [f"/api/leads?{urlencode(_filter_query(rng))}" for _ in range(n)]

    def texts() -> list[str]:
        return [f"/api/leads?{urlencode(_text_query(rng))}" for _ in range(n)]

    def details() -> list[str]:
        return [f"/api/leads/{rng.randint(1, count)}" for _ in range(n)]

    with running_stack({"RATELIMIT_ENABLED": "false"}, instance=instance, fresh=False) as stack:
        print(
            "\nquery type              conc  requests  errors    req/s   p50 ms   p95 ms   p99 ms"
        )
        plan = (
            # The floor of the stack on this machine: no database, no serialisation to speak of.
            ("GET /api/health", lambda: ["/api/health"] * n, (16,)),
            ("filters + facets", filters, (1, 4, 8, 16)),
            ("text + facets", texts, (1, 4, 8)),
            ("lead detail", details, (1, 8, 16)),
        )
        for name, requests, levels in plan:
            for concurrency in levels:
                paths = requests()
                r = run_load(
                    stack.url, concurrency, len(paths), lambda c, w, i, p=paths: _get(c, p[i])
                )
                print(
                    f"{name:<22}{r['concurrency']:>6}{r['requests']:>10}{r['errors']:>8}"
                    f"{r['rps']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}"
                )


if __name__ == "__main__":
    main()
