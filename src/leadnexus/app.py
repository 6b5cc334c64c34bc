"""create_app(settings): wiring only."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from apiflask import APIFlask
from flask import Request
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.formparser import FormDataParser
from werkzeug.routing import IntegerConverter

from leadnexus import queue, wiring  # noqa: F401  (wiring: requests set off the features' flows)
from leadnexus.admin.routes import bp as admin_bp
from leadnexus.auth.access import SECURITY_SCHEME
from leadnexus.auth.routes import bp as auth_bp
from leadnexus.config import Settings
from leadnexus.db import Database
from leadnexus.errors import AppError, Problem, register_error_handlers
from leadnexus.extensions import close_db_session, cors, limiter
from leadnexus.leads.routes import bp as leads_bp
from leadnexus.marketplace.routes import bp as marketplace_bp
from leadnexus.notifications.routes import admin_bp as announcements_bp
from leadnexus.notifications.routes import bp as workflows_bp
from leadnexus.pagination import MAX_KEY
from leadnexus.review.routes import bp as review_bp
from leadnexus.security import register_security
from leadnexus.system.routes import bp as system_bp
from leadnexus.web import register_web

DOCS_ASSETS = "/api/docs/assets"


def _problem_schema(component: str) -> dict[str, object]:
    """Problem as an OpenAPI component; nested models stay in its own $defs."""
    return Problem.model_json_schema(
        ref_template=f"#/components/schemas/{component}/$defs/{{model}}"
    )


def _query_parameters(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict):
                yield from (p for p in operation.get("parameters", []) if p.get("in") == "query")


def _lists_are_comma_separated(spec: dict[str, Any]) -> dict[str, Any]:
    """List filters are read as one comma-separated value (`industry=A,B`); OpenAPI's default
    for an array in the query is the name repeated, which the API refuses, so say so."""
    for parameter in _query_parameters(spec):
        schema = parameter.get("schema", {})
        if schema.get("type") == "array":
            parameter.update(style="form", explode=False)
            # pydantic writes a tuple's length limit as maxLength; an array's is maxItems.
            if "maxLength" in schema:
                schema["maxItems"] = schema.pop("maxLength")
    return spec


class RowIdConverter(IntegerConverter):
    """`<int:…>` in this API always names a row. A number beyond the largest 64-bit id names
    none, but the database drivers refuse to bind it (a server error, not "no match"): it is
    read as 0, which no row has either, so the route answers its own "not found"."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        return number if number <= MAX_KEY else 0


class ReportingFormParser(FormDataParser):
    """Werkzeug drops a whole form it cannot parse and carries on with an empty one, so a file
    part whose name is not UTF-8 reached the route as "no file attached". Say what is wrong."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs, silent=False)

    def parse(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str] | None = None,
    ) -> tuple[IO[bytes], MultiDict[str, str], MultiDict[str, FileStorage]]:
        try:
            return super().parse(stream, mimetype, content_length, options)
        except UnicodeDecodeError as error:
            raise AppError(
                "The form could not be read: a part's headers are not UTF-8 (for example a "
                "file name in another encoding). Rename the file and try again.",
                code="malformed_form",
            ) from error
        except ValueError as error:
            raise AppError(
                "The form could not be read: the request body is not a complete multipart "
                "form (cut short, or without its boundary). Send the file again.",
                code="malformed_form",
            ) from error


class ApiRequest(Request):
    form_data_parser_class = ReportingFormParser


def create_app(settings: Settings | None = None) -> APIFlask:
    settings = settings or Settings.from_env()
    app = APIFlask(
        "leadnexus",
        title="Lead-Nexus API",
        version="1.0",
        spec_path="/api/openapi.json",
        docs_path="/api/docs",
        docs_ui="swagger-ui",
        instance_path=str(settings.instance_dir),
        static_folder=None,
    )
    app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=settings.env == "test",
        MAX_CONTENT_LENGTH=settings.max_upload_bytes,
        JSON_SORT_KEYS=False,
        SECURITY_SCHEMES={
            SECURITY_SCHEME: {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
        },
        SWAGGER_UI_CSS=f"{DOCS_ASSETS}/swagger-ui.css",
        SWAGGER_UI_BUNDLE_JS=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
        SWAGGER_UI_STANDALONE_PRESET_JS=f"{DOCS_ASSETS}/swagger-ui-standalone-preset.js",
        DOCS_FAVICON=f"{DOCS_ASSETS}/favicon-32x32.png",
        HTTP_ERROR_SCHEMA=_problem_schema("HTTPError"),
        VALIDATION_ERROR_SCHEMA=_problem_schema("ValidationError"),
        VALIDATION_ERROR_STATUS_CODE=422,
        RATELIMIT_ENABLED=settings.ratelimit_enabled,
        RATELIMIT_STORAGE_URI=settings.redis_url or "memory://",
        RATELIMIT_KEY_PREFIX=settings.ratelimit_prefix,
        RATELIMIT_HEADERS_ENABLED=True,
    )
    app.request_class = ApiRequest
    app.spec_processor(_lists_are_comma_separated)
    app.url_map.converters["int"] = RowIdConverter  # before any route is added
    app.extensions["leadnexus.settings"] = settings
    database = Database(settings.database_url)
    app.extensions["leadnexus.db"] = database
    queue.bind(database, settings)

    cors.init_app(
        app,
        resources={r"/api/*": {"origins": list(settings.cors_origins)}},
        supports_credentials=True,
    )
    limiter.init_app(app)
    register_security(app)
    register_error_handlers(app)
    app.teardown_appcontext(close_db_session)

    for blueprint in (
        system_bp,
        auth_bp,
        admin_bp,
        announcements_bp,
        leads_bp,
        marketplace_bp,
        review_bp,
        workflows_bp,
    ):
        app.register_blueprint(blueprint)
    register_web(app)

    if not app.debug:
        logging.basicConfig(level=logging.INFO)
    return app
