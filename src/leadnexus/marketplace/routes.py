"""HTTP edge of the marketplace: search, lead detail, saved searches."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response

from leadnexus.auth.access import auth_required, current_user, optional_user
from leadnexus.auth.models import Role
from leadnexus.extensions import db_session, limiter, settings
from leadnexus.marketplace import catalog, saved_searches, search
from leadnexus.marketplace.models import SavedSearch
from leadnexus.marketplace.schemas import (
    FacetRead,
    FacetValueRead,
    LeadDetail,
    SavedSearchCreate,
    SavedSearchList,
    SavedSearchRead,
    SavedSearchUpdate,
    SearchQuery,
    SearchResults,
    TotalRead,
)

bp = APIBlueprint("marketplace", __name__, url_prefix="/api", tag="Marketplace")


@bp.get("/leads")
@limiter.shared_limit(lambda: settings().search_limit_per_ip, scope="marketplace")
@bp.input(SearchQuery, location="query", arg_name="query")
@bp.output(SearchResults)
def search_leads(query: SearchQuery) -> SearchResults:
    """Search published leads (masked previews); no sign-in needed, a buyer's token marks
    owned leads"""
    session = db_session()
    params = query.params()
    results = search.search(
        session, params, limit=query.limit, cursor=query.cursor, facets=query.facets
    )
    return SearchResults(
        data=catalog.previews(session, results.page.items, optional_user(), results.relevance),
        next_cursor=results.page.next_cursor,
        has_more=results.page.has_more,
        total=TotalRead(
            value=results.total.value,
            exact=results.total.exact,
            estimate=results.total.estimate,
        ),
        facets=[
            FacetRead(
                name=facet.name,
                values=[FacetValueRead(value=v.value, count=v.count) for v in facet.values],
                exact=facet.exact,
            )
            for facet in results.facets
        ],
        sort=params.effective_sort,
    )


@bp.get("/leads/<int:lead_id>")
@limiter.shared_limit(lambda: settings().search_limit_per_ip, scope="marketplace")
@bp.output(LeadDetail)
def lead_detail(lead_id: int) -> LeadDetail:
    """A lead's preview, validation summary, score breakdown, exclusivity and similar leads;
    contact data only for its vendor, admins and buyers who paid"""
    return catalog.lead_detail(db_session(), lead_id, optional_user())


def _saved_read(saved: SavedSearch) -> SavedSearchRead:
    return SavedSearchRead(
        id=saved.id,
        name=saved.name,
        query=saved.query,
        alert=saved.alert,
        created_at=saved.created_at,
        last_alert_at=saved.last_alert_at,
    )


@bp.get("/saved-searches")
@auth_required(Role.CLIENT)
@bp.output(SavedSearchList)
def list_saved_searches() -> SavedSearchList:
    """Your saved searches"""
    saved = saved_searches.list_saved(db_session(), current_user())
    return SavedSearchList(data=[_saved_read(s) for s in saved])


@bp.post("/saved-searches")
@auth_required(Role.CLIENT)
@bp.input(SavedSearchCreate, arg_name="body")
@bp.output(SavedSearchRead, status_code=201)
def create_saved_search(body: SavedSearchCreate) -> SavedSearchRead:
    """Save a search; with `alert`, new matching leads are announced once each"""
    session = db_session()
    saved = saved_searches.create_saved(
        session, current_user(), name=body.name, params=body.query.params(), alert=body.alert
    )
    session.commit()
    return _saved_read(saved)


@bp.patch("/saved-searches/<int:saved_id>")
@auth_required(Role.CLIENT)
@bp.input(SavedSearchUpdate, arg_name="body")
@bp.output(SavedSearchRead)
def update_saved_search(saved_id: int, body: SavedSearchUpdate) -> SavedSearchRead:
    """Rename a saved search, change its query, or switch its alert"""
    session = db_session()
    saved = saved_searches.update_saved(
        session,
        current_user(),
        saved_id,
        name=body.name,
        params=body.query.params() if body.query else None,
        alert=body.alert,
    )
    session.commit()
    return _saved_read(saved)


@bp.delete("/saved-searches/<int:saved_id>")
@auth_required(Role.CLIENT)
def delete_saved_search(saved_id: int) -> Response:
    """Delete a saved search"""
    session = db_session()
    saved_searches.delete_saved(session, current_user(), saved_id)
    session.commit()
    return Response(status=204)
