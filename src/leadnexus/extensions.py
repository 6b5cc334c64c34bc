"""Extension objects and per-request accessors shared by every feature's routes."""

from __future__ import annotations

from flask import current_app, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from sqlalchemy.orm import Session

from leadnexus.config import Settings
from leadnexus.db import Database

cors = CORS()
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def settings() -> Settings:
    return current_app.extensions["leadnexus.settings"]


def database() -> Database:
    return current_app.extensions["leadnexus.db"]


def db_session() -> Session:
    """The request's unit of work; the route commits, teardown closes (and rolls back the rest)."""
    if "db_session" not in g:
        g.db_session = database().session_factory()
    return g.db_session


def close_db_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def client_ip() -> str | None:
    return request.remote_addr
