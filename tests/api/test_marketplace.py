"""Marketplace search, lead detail and saved searches: same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from leadnexus.app import create_app
from leadnexus.auth.models import Role
from leadnexus.db import Database, utcnow
from leadnexus.leads.models import CONTACT_FIELDS, Lead
from leadnexus.marketplace import search
from leadnexus.notifications.models import Notification
from leadnexus.orders.models import Purchase
from tests.helpers import assert_problem, field_codes

SPECS = [
    # title words, industry, country, seniority, score, price, max_sales, days ago, phone?
    ("Sales Manager", "Software", "US", "Manager", 0.91, "40.00", 1, 1, True),
    ("VP Sales", "Software", "DE", "VP", 0.82, "55.00", 3, 3, True),
    ("Marketing Manager", "Banking", "US", "Manager", 0.64, "20.00", 2, 10, False),
    ("Chief Technology Officer", "Healthcare", "FR", "C-level", 0.77, "70.00", 1, 40, True),
    ("Engineering Managers Lead", "Software", "US", "Manager", 0.55, "15.00", 3, 2, False),
    ("Head of Procurement", "Manufacturing", "GB", "Director", 0.70, "30.00", 1, 5, True),
]


pytestmark = pytest.mark.usefixtures("fresh_market_caches")


@pytest.fixture
def vendor(make):
    return make.user(Role.VENDOR, name="Northwind Data")


def _lead(database: Database, vendor_id: int, n: int, spec: tuple, **extra) -> int:
    title, industry, country, seniority, score, price, max_sales, days, phone = spec
    with database.session() as session:
        lead = Lead(
            vendor_id=vendor_id,
            title=title,
            job_title=title,
            description=f"Decision maker number {n} for {industry.lower()} deals",
            industry=industry,
            country=country,
            seniority=seniority,
            department="Sales",
            company_size="51-200",
            city="Springfield",
            contact_first_name=f"Zelda{n}",
            contact_last_name=f"Quartermain{n}",
            email=f"zelda.quartermain{n}@hiddencorp{n}.example",
            phone=f"+1415555{n:04d}" if phone else None,
            company_name=f"Hiddencorp {n} Holdings",
            website=f"hiddencorp{n}.example",
            linkedin_url=f"https://linkedin.com/in/zelda-quartermain-{n}",
            lead_score=score,
            price=Decimal(price),
            max_sales=max_sales,
            email_verified=True,
            phone_verified=phone,
            validation_status="passed",
            status=extra.pop("status", "available"),
            published_at=utcnow() - timedelta(days=days),
            **extra,
        )
        session.add(lead)
        session.flush()
        return lead.id


@pytest.fixture
def market(database, vendor):
    """The six published leads of SPECS (ids in order) and one still waiting for review."""
    ids = [_lead(database, vendor.id, n, spec) for n, spec in enumerate(SPECS)]
    hidden = _lead(database, vendor.id, 99, SPECS[0], status="pending_review")
    return ids, hidden


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.get_json()
    return [lead["id"] for lead in response.get_json()["data"]]


def test_text_search_stems_ranks_and_combines(client, market):
    ids, hidden = market
    managers = _ids(client.get("/api/leads?q=managers"))
    assert set(managers) == {ids[0], ids[2], ids[4]}  # "Manager", "Managers": one stem
    assert hidden not in managers
    assert _ids(client.get('/api/leads?q="sales manager"')) == [ids[0]]
    assert set(_ids(client.get("/api/leads?q=procurement OR technology"))) == {ids[3], ids[5]}
    assert set(_ids(client.get("/api/leads?q=manager -marketing"))) == {ids[0], ids[4]}
    body = client.get("/api/leads?q=sales").get_json()
    assert body["sort"] == "relevance" and all(lead["relevance"] for lead in body["data"])
    # Words from the description (lower weight) match too.
    assert set(_ids(client.get("/api/leads?q=banking deals"))) == {ids[2]}


def test_filters(client, market):
    ids, _hidden = market
    assert set(_ids(client.get("/api/leads?industry=Software,Banking&country=US"))) == {
        ids[0],
        ids[2],
        ids[4],
    }
    assert _ids(client.get("/api/leads?seniority=C-level")) == [ids[3]]
    assert set(_ids(client.get("/api/leads?min_score=0.7&max_score=0.85"))) == {
        ids[1],
        ids[3],
        ids[5],
    }
    assert set(_ids(client.get("/api/leads?min_price=30&max_price=55"))) == {ids[0], ids[1], ids[5]}
    assert set(_ids(client.get("/api/leads?exclusivity=exclusive"))) == {ids[0], ids[3], ids[5]}
    assert set(_ids(client.get("/api/leads?exclusivity=semi_exclusive,shared"))) == {
        ids[1],
        ids[2],
        ids[4],
    }
    assert set(_ids(client.get("/api/leads?validation=email_and_phone"))) == {
        ids[0],
        ids[1],
        ids[3],
        ids[5],
    }
    assert set(_ids(client.get("/api/leads?published_within_days=4"))) == {ids[0], ids[1], ids[4]}
    assert _ids(client.get("/api/leads?q=manager&industry=Banking")) == [ids[2]]


@pytest.mark.parametrize(
    ("sort", "expected_order"),
    [
        ("newest", [0, 4, 1, 5, 2, 3]),
        ("score", [0, 1, 3, 5, 2, 4]),
        ("price_asc", [4, 2, 5, 0, 1, 3]),
        ("price_desc", [3, 1, 0, 5, 2, 4]),
    ],
)
def test_sorts_page_through_everything_once(client, market, sort, expected_order):
    ids, _hidden = market
    seen, cursor = [], None
    while True:
        url = f"/api/leads?sort={sort}&limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).get_json()
        seen += [lead["id"] for lead in body["data"]]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    assert seen == [ids[i] for i in expected_order]


def test_relevance_pages_without_gaps(client, market):
    ids, _hidden = market
    first = client.get("/api/leads?q=manager&limit=2").get_json()
    rest = client.get(f"/api/leads?q=manager&limit=2&cursor={first['next_cursor']}").get_json()
    assert not rest["has_more"]
    got = [lead["id"] for lead in first["data"] + rest["data"]]
    assert sorted(got) == sorted([ids[0], ids[2], ids[4]])


def test_total_and_facets(client, market):
    body = client.get("/api/leads?industry=Software").get_json()
    assert body["total"] == {"value": 3, "exact": True, "estimate": None}
    facets = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in body["facets"]}
    # The industry facet ignores its own filter, so the other industries stay selectable.
    assert facets["industry"] == {"Software": 3, "Banking": 1, "Healthcare": 1, "Manufacturing": 1}
    assert facets["country"] == {"US": 2, "DE": 1}
    assert facets["seniority"] == {"Manager": 2, "VP": 1}
    assert client.get("/api/leads?facets=false").get_json()["facets"] == []


def test_text_search_total_and_facets(client, market):
    body = client.get("/api/leads?q=manager&industry=Software").get_json()
    assert body["total"] == {"value": 2, "exact": True, "estimate": None}
    facets = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in body["facets"]}
    # Its own facet counts the text matches of every industry; the others count the results.
    assert facets["industry"] == {"Software": 2, "Banking": 1}
    assert facets["country"] == {"US": 2}
    assert facets["seniority"] == {"Manager": 2}


def test_counts_and_facets_are_capped(client, market, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 4)
    monkeypatch.setattr(search, "FACET_SAMPLE", 3)
    body = client.get("/api/leads").get_json()
    assert (body["total"]["value"], body["total"]["exact"]) == (4, False)
    assert all(not facet["exact"] for facet in body["facets"])
    # The sample is the first matches by id, not whatever order an index keeps (by industry).
    industries = {v["value"]: v["count"] for v in body["facets"][0]["values"]}
    assert industries == {"Software": 2, "Banking": 1}


def test_past_the_cap_postgresql_estimates_the_total(client, market, monkeypatch, session):
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE leads"))  # the planner's statistics behind the estimate
        session.commit()
    body = client.get("/api/leads").get_json()
    assert body["total"]["value"] == 2 and body["total"]["exact"] is False
    if session.get_bind().dialect.name == "postgresql":
        assert body["total"]["estimate"] == 6  # six published leads, as ANALYZE found them
    else:
        assert body["total"]["estimate"] is None  # SQLite has no planner estimate to offer
    # Text statistics are too rough to show, and an exact total needs no estimate.
    assert client.get("/api/leads?q=manager").get_json()["total"]["estimate"] is None
    exact = client.get("/api/leads?industry=Banking").get_json()["total"]
    assert exact == {"value": 1, "exact": True, "estimate": None}


def _contact_values(database: Database) -> list[str]:
    with database.session() as session:
        leads = session.scalars(select(Lead)).all()
        return [
            str(getattr(lead, name))
            for lead in leads
            for name in CONTACT_FIELDS
            if getattr(lead, name)
        ]


def _public_responses(client, ids, hidden, headers):
    queries = [
        "",
        "q=zelda",
        "q=quartermain0",
        "q=hiddencorp0",
        'q="zelda.quartermain0@hiddencorp0.example"',
        "q=sales&sort=relevance",
        "industry=Software&sort=price_asc",
        "country=US,DE&facets=true",
        "q=manager&limit=1",
        "limit=500",
        "industry=Nope",
        "cursor=not-a-cursor",
    ]
    for query in queries:
        yield client.get(f"/api/leads?{query}", headers=headers)
    for lead_id in [*ids, hidden, 999_999]:
        yield client.get(f"/api/leads/{lead_id}", headers=headers)


def _every_get_route(app, ids: list[int]) -> list[str]:
    """Every GET endpoint of the API, with each path parameter filled with each lead's id."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.rule.startswith("/api/"):
            continue
        if rule.rule.endswith("/stream"):
            continue  # an endless response; it carries notifications only
        if not rule.arguments:
            urls.append(rule.rule)
            continue
        urls += [re.sub(r"<[^>]+>", str(lead_id), rule.rule) for lead_id in ids]
    return urls


def test_no_contact_value_of_an_unbought_lead_appears_anywhere(
    app, client, database, market, as_user
):
    ids, hidden = market
    contact_values = _contact_values(database)
    assert len(contact_values) > 40
    _client, client_headers = as_user(Role.CLIENT)
    routes = _every_get_route(app, [*ids, hidden])
    assert "/api/leads" in routes and f"/api/leads/{hidden}" in routes
    for headers in ({}, client_headers):
        responses = [
            *_public_responses(client, ids, hidden, headers),
            *(client.get(url, headers=headers) for url in routes),
        ]
        for response in responses:
            body = response.get_data(as_text=True).lower()
            response.close()
            leaked = [value for value in contact_values if value.lower() in body]
            assert not leaked, (response.request.url, leaked)
    # And searching by a contact value finds nothing: it is not in the text index.
    assert _ids(client.get("/api/leads?q=quartermain0")) == []


def test_contact_details_in_descriptions_are_hidden_at_ingest(client, as_user):
    _vendor, headers = as_user(Role.VENDOR)
    body = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@analytical-engines.co.uk",
        "phone": "+44 20 7946 0958",
        "company_name": "Analytical Engines",
        "job_title": "Head of Engineering",
        "country": "GB",
        "description": "Ask Ada Lovelace (ada@analytical-engines.co.uk, +44 20 7946 0958) "
        "about Analytical Engines' budget.",
        "price": "10",
    }
    created = client.post("/api/leads", json=body, headers=headers).get_json()
    description = created["description"]
    for secret in ("Lovelace", "ada@", "7946", "Analytical Engines"):
        assert secret not in description, description
    normalisation = next(s for s in created["validation_report"] if s["stage"] == "normalisation")
    assert "contact_details_hidden" in {r["code"] for r in normalisation["reasons"]}


def test_detail_shows_contact_only_to_owner_admin_and_buyer(
    client, database, market, vendor, as_user
):
    ids, hidden = market
    anonymous = client.get(f"/api/leads/{ids[0]}").get_json()
    assert anonymous["contact"] is None and anonymous["exclusivity"] == "exclusive"
    assert anonymous["validation"]["email_verified"] is True
    assert all("message" not in r for s in anonymous["validation_report"] for r in s["reasons"])
    assert ids[0] not in [s["id"] for s in anonymous["similar"]]
    assert_problem(client.get(f"/api/leads/{hidden}"), 404, "lead_not_found")

    from tests.conftest import bearer, login

    owner = bearer(login(client, vendor.email)["access_token"])
    assert client.get(f"/api/leads/{hidden}", headers=owner).get_json()["contact"]["email"]
    buyer, buyer_headers = as_user(Role.CLIENT)
    with database.session() as session:
        session.add(
            Purchase(lead_id=ids[1], buyer_id=buyer.id, amount=Decimal("55"), status="paid")
        )
    bought = client.get(f"/api/leads/{ids[1]}", headers=buyer_headers).get_json()
    assert bought["owned"] is True and bought["contact"]["email"].startswith("zelda")
    assert client.get(f"/api/leads/{ids[0]}", headers=buyer_headers).get_json()["contact"] is None


def test_buyers_see_owned_and_already_known_contacts(
    client, database, market, vendor, as_user, make
):
    ids, _hidden = market
    other_vendor = make.user(Role.VENDOR)
    # Another vendor lists the same contact as ids[0].
    twin = _lead(database, other_vendor.id, 0, SPECS[0])
    buyer, headers = as_user(Role.CLIENT)
    with database.session() as session:
        session.add(
            Purchase(lead_id=ids[0], buyer_id=buyer.id, amount=Decimal("40"), status="paid")
        )
    leads = {
        lead["id"]: lead for lead in client.get("/api/leads", headers=headers).get_json()["data"]
    }
    assert leads[ids[0]]["owned"] is True
    assert leads[twin]["already_have_contact"] is True and leads[twin]["owned"] is False
    assert leads[ids[1]]["owned"] is False and leads[ids[1]]["already_have_contact"] is False


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=51", "limit"),
        ("sort=cheapest", "sort"),
        ("min_score=0.9&max_score=0.2", "max_score"),
        ("min_price=50&max_price=10", "max_price"),
        ("q=" + "x" * 10_000, "q"),
        ("industry=Software,Astrology", "industry"),
        ("country=usa", "country"),
        ("exclusivity=sometimes", "exclusivity"),
        ("published_within_days=0", "published_within_days"),
        ("color=blue", "color"),
    ],
)
def test_bad_search_input_is_a_422_with_the_field(client, query, field):
    body = assert_problem(client.get(f"/api/leads?{query}"), 422, "validation_failed")
    assert field in {name.split(".")[0] for name in field_codes(body)}, body


@pytest.mark.parametrize(
    "q", ['"unbalanced', "NEAR(sales manager)", "sales*", "-", "title:sales", "((a) OR", "a^2 ~ :"]
)
def test_search_syntax_characters_never_fail(client, market, q):
    assert client.get("/api/leads", query_string={"q": q}).status_code == 200


def test_saved_searches_crud_and_access(client, as_user):
    _buyer, headers = as_user(Role.CLIENT)
    _other, other_headers = as_user(Role.CLIENT)
    _vendor, vendor_headers = as_user(Role.VENDOR)
    body = {"name": "German VPs", "query": {"country": "DE", "seniority": "VP"}, "alert": True}
    created = client.post("/api/saved-searches", json=body, headers=headers)
    assert created.status_code == 201, created.get_json()
    saved = created.get_json()
    assert saved["query"] == {"country": ["DE"], "seniority": ["VP"]}
    assert_problem(
        client.post("/api/saved-searches", json=body, headers=headers), 409, "name_taken"
    )
    bad = client.post(
        "/api/saved-searches",
        json={"name": "x", "query": {"min_score": 3}},
        headers=headers,
    )
    assert_problem(bad, 422, "validation_failed")
    url = f"/api/saved-searches/{saved['id']}"
    assert_problem(
        client.patch(url, json={"alert": False}, headers=other_headers),
        404,
        "saved_search_not_found",
    )
    assert_problem(client.get("/api/saved-searches", headers=vendor_headers), 403, "role_forbidden")
    renamed = client.patch(url, json={"name": "DE VPs", "alert": False}, headers=headers)
    assert renamed.get_json()["name"] == "DE VPs" and renamed.get_json()["alert"] is False
    assert [
        s["name"] for s in client.get("/api/saved-searches", headers=headers).get_json()["data"]
    ] == ["DE VPs"]
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get("/api/saved-searches", headers=headers).get_json()["data"] == []


def test_publication_alerts_each_matching_saved_search_once(client, database, vendor, as_user):
    buyer, headers = as_user(Role.CLIENT)
    _admin, admin_headers = as_user(Role.ADMIN)
    for name, query in (("Software", {"industry": "Software"}), ("Banks", {"industry": "Banking"})):
        client.post("/api/saved-searches", json={"name": name, "query": query}, headers=headers)
    waiting = [
        _lead(database, vendor.id, n, spec, status="pending_review")
        for n, spec in enumerate(SPECS[:2])
    ]
    decided = client.post(
        "/api/review/decisions",
        json={"action": "approve", "lead_ids": waiting},
        headers=admin_headers,
    )
    assert decided.get_json()["approved"] == 2

    def alerts() -> list[Notification]:
        with database.session() as session:
            return list(
                session.scalars(
                    select(Notification).where(
                        Notification.user_id == buyer.id, Notification.type == "saved_search_match"
                    )
                )
            )

    [alert] = alerts()  # one for "Software" (both leads), none for "Banks"
    assert alert.data["count"] == 2 and sorted(alert.data["lead_ids"]) == sorted(waiting)
    assert "Software" in alert.title and alert.link.startswith("/client/marketplace?saved=")
    # The same leads published again (withdrawn and re-approved) are not announced twice.
    from leadnexus.marketplace.tasks import alert_saved_searches_task

    alert_saved_searches_task(waiting)
    assert len(alerts()) == 1
    assert json.dumps(alert.data)  # plain JSON


def test_a_search_over_the_time_limit_is_a_503_not_a_500(client, market, database, monkeypatch):
    if database.engine.dialect.name != "postgresql":
        pytest.skip("statement timeouts are PostgreSQL's; SQLite has none (CI runs both)")
    monkeypatch.setattr(search, "STATEMENT_TIMEOUT_MS", 20)
    original = search._summary

    def slow_summary(session, *args, **kwargs):
        session.execute(text("SELECT pg_sleep(0.2)"))
        return original(session, *args, **kwargs)

    monkeypatch.setattr(search, "_summary", slow_summary)
    response = client.get("/api/leads?industry=Software")
    assert_problem(response, 503, "search_timeout")
    # A retry hint: ours (5 s), or the rate limiter's window when it adds its own headers.
    assert int(response.headers["Retry-After"]) > 0


def test_public_search_is_rate_limited_per_address(settings):
    app = create_app(dataclasses.replace(settings, search_limit_per_ip="3 per minute"))
    client = app.test_client()
    for _ in range(3):
        assert client.get("/api/leads?facets=false").status_code == 200
    limited = client.get("/api/leads/1")  # the lead pages share the allowance
    assert_problem(limited, 429, "rate_limited")
    assert limited.headers["Retry-After"]
    app.extensions["leadnexus.db"].dispose()


@pytest.mark.parametrize("cap", [1_000, 1], ids=["every-match-in-the-window", "common-word"])
def test_text_sorted_by_newest_is_exact(client, market, monkeypatch, cap):
    # Few matches are sorted within the window; many are found by walking the sort's index.
    ids, _hidden = market
    monkeypatch.setattr(search, "COUNT_CAP", cap)
    got = _ids(client.get("/api/leads?q=manager&sort=newest"))
    assert got == [ids[0], ids[4], ids[2]]
