"""One error hierarchy, rendered in one place as RFC 9457 problem+json."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from apiflask.exceptions import HTTPError, _ValidationError
from flask import Flask, Response, json, request
from pydantic import BaseModel, Field
from pydantic import ValidationError as PydanticValidationError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


class AppError(Exception):
    """A failure the client can act on; subclasses fix the status and a stable code."""

    status = 400
    code = "bad_request"
    title = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        code: str | None = None,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        self.errors = errors or []
        self.headers = headers or {}


class ValidationFailed(AppError):
    status = 422
    code = "validation_failed"
    title = "Validation failed"

    @classmethod
    def for_field(cls, field: str, code: str, message: str) -> ValidationFailed:
        return cls(message, errors=[FieldError(field, code, message)])


class Unauthorized(AppError):
    status = 401
    code = "unauthorized"
    title = "Authentication required"


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Forbidden"


class NotFound(AppError):
    status = 404
    code = "not_found"
    title = "Not found"


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Conflict"


class Unavailable(AppError):
    status = 503
    code = "unavailable"
    title = "Service unavailable"


class ProblemFieldError(BaseModel):
    field: str
    code: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error response of this API is shaped."""

    type: str
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable machine-readable error code")
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None


# Werkzeug's status codes mapped to our stable codes.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


def problem(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": f"https://leadnexus.dev/problems/{code.replace('_', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        "instance": request.path if request else None,
    }
    if errors:
        body["errors"] = [e.as_dict() for e in errors]
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _pydantic_field_errors(error: PydanticValidationError) -> list[FieldError]:
    errors = []
    for item in error.errors(include_url=False, include_input=False):
        field = ".".join(str(part) for part in item["loc"]) or "body"
        errors.append(FieldError(field, item["type"], item["msg"]))
    return errors


def _render_validation(error: _ValidationError) -> Response:
    cause = error.__cause__
    if isinstance(cause, PydanticValidationError):
        errors = _pydantic_field_errors(cause)
    else:
        errors = [FieldError("body", "invalid", str(error.detail))]
    return problem(
        422,
        "validation_failed",
        "Validation failed",
        "; ".join(f"{e.field}: {e.message}" for e in errors),
        errors=errors,
    )


def _render_http(error: HTTPException) -> Response:
    status = error.code or 500
    code = HTTP_CODES.get(status, "http_error")
    detail = error.description or error.name
    if status == 400 and _without_body():
        # Reading the JSON of an empty body fails with Werkzeug's generic "could not understand",
        # whatever the Content-Type a client sets on every request.
        code, detail = "missing_body", "This request needs a JSON object as its body."
    elif status == 400 and request.is_json:
        code, detail = "malformed_json", "The request body is not valid JSON."
    if status == 429:
        detail = f"Too many requests: {error.description}. Try again later."
    headers = {k: v for k, v in error.get_headers() if k.lower() in {"allow", "retry-after"}}
    return problem(status, code, error.name, detail, headers=headers)


def _without_body() -> bool:
    return (
        request.method in {"POST", "PUT", "PATCH"}
        and not request.content_length
        and "chunked" not in request.headers.get("Transfer-Encoding", "")
    )


def _render_apiflask(error: HTTPError) -> Response:
    code = HTTP_CODES.get(error.status_code, "http_error")
    return problem(error.status_code, code, error.message or "Error", str(error.message))


def _render_app(error: AppError) -> Response:
    return problem(
        error.status,
        error.code,
        error.title,
        error.detail,
        errors=error.errors,
        headers=error.headers,
    )


def _render_unexpected(error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.path)
    return problem(
        500, "internal_error", "Internal server error", "Something went wrong on our side."
    )


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(AppError, _render_app)
    app.register_error_handler(_ValidationError, _render_validation)
    app.register_error_handler(HTTPError, _render_apiflask)
    app.register_error_handler(HTTPException, _render_http)
    app.register_error_handler(Exception, _render_unexpected)
