"""Liveness, readiness and the API docs' static assets."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response, send_from_directory
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from swagger_ui_bundle import swagger_ui_path

from leadnexus.errors import AppError
from leadnexus.extensions import db_session

bp = APIBlueprint("system", __name__, url_prefix="/api", tag="System")


class Health(BaseModel):
    status: str


class NotReady(AppError):
    status = 503
    code = "not_ready"
    title = "Service unavailable"


@bp.get("/health")
@bp.output(Health)
def health() -> Health:
    """Liveness: the process answers"""
    return Health(status="ok")


@bp.get("/ready")
@bp.output(Health)
def ready() -> Health:
    """Readiness: the database answers"""
    try:
        db_session().execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise NotReady("The database is not reachable.") from exc
    return Health(status="ready")


@bp.get("/docs/assets/<path:filename>")
@bp.doc(hide=True)
def docs_asset(filename: str) -> Response:
    """Swagger UI served from the installed package: nothing is fetched from a CDN."""
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
