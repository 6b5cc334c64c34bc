"""Serves the built single-page app; every non-API path falls back to index.html."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, send_from_directory

from leadnexus.errors import NotFound, problem
from leadnexus.extensions import settings

bp = Blueprint("web", __name__)


def _dist() -> Path:
    return settings().web_dist


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def spa(path: str) -> Response:
    if path == "api" or path.startswith("api/"):
        raise NotFound("No API endpoint at this path.")
    dist = _dist()
    if not (dist / "index.html").is_file():
        return problem(
            503,
            "web_app_not_built",
            "Web app not built",
            "The web app has not been built yet: run `make run` (or `make web`).",
        )
    candidate = (dist / path).resolve()
    if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
        # Vite fingerprints everything under assets/, so it can be cached for a year.
        max_age = 31536000 if path.startswith("assets/") else 3600
        return send_from_directory(dist, path, max_age=max_age)
    response = send_from_directory(dist, "index.html", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


def register_web(app: Flask) -> None:
    app.register_blueprint(bp)
