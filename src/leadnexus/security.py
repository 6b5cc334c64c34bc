"""Response headers and request guards applied to every request."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import UnsupportedMediaType

from leadnexus.errors import FieldError, ValidationFailed
from leadnexus.extensions import settings

APP_CSP = (
    "default-src 'self'; script-src 'self'; "
    # MUI (emotion) injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI's page starts itself with an inline script; it shows no user content.
DOCS_CSP = APP_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Endpoints that take multipart uploads instead of JSON (added by later features).
MULTIPART_ENDPOINTS: set[str] = set()


def _guard_request_body() -> None:
    """JSON bodies only (415 otherwise), with their own small size limit (413)."""
    if request.method not in BODY_METHODS or not request.path.startswith("/api/"):
        return
    has_body = bool(request.content_length) or "chunked" in request.headers.get(
        "Transfer-Encoding", ""
    )
    if not has_body:
        return
    if request.endpoint in MULTIPART_ENDPOINTS:
        if request.mimetype != "multipart/form-data":
            raise UnsupportedMediaType("Send the file as multipart/form-data.")
        # Room for the multipart envelope around a file of the maximum size.
        request.max_content_length = settings().max_upload_bytes + 64 * 1024
        return
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Send the request body as application/json.")
    request.max_content_length = settings().max_json_bytes


def _query_fields() -> set[str]:
    """The names the matched route reads from the query string (its APIFlask query models)."""
    view = current_app.view_functions.get(request.endpoint or "")
    inputs = getattr(view, "_spec", {}).get("args") or []
    return {
        name
        for schema, location in inputs
        if location == "query"
        for name in getattr(schema, "model_fields", {})
    }


def _refuse_repeated_parameters() -> None:
    """Query models read one value per name, so `industry=A&industry=B` silently searched A
    only. A repeated name the route reads is refused by name; lists are comma-separated.
    Names the route does not read (a cache buster), and routes that match nothing, are left
    to the route and to the 404."""
    repeated = [name for name, values in request.args.lists() if len(values) > 1]
    if not repeated:
        return
    read = _query_fields()
    refused = [name for name in repeated if name in read]
    if refused:
        message = "Given more than once; send one value (lists are comma-separated: a,b)."
        raise ValidationFailed(
            f"{', '.join(refused)}: {message}",
            errors=[FieldError(name, "repeated_parameter", message) for name in refused],
        )


def _security_headers(response: Response) -> Response:
    headers = response.headers
    is_docs = request.path.startswith("/api/docs")
    headers.setdefault("Content-Security-Policy", DOCS_CSP if is_docs else APP_CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.path.startswith("/api/") and not is_docs:
        headers.setdefault("Cache-Control", "no-store")
    if settings().is_production:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def register_security(app: Flask) -> None:
    app.before_request(_guard_request_body)
    app.before_request(_refuse_repeated_parameters)
    app.after_request(_security_headers)
