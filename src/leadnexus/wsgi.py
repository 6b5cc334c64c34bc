"""WSGI entry point for gunicorn: `gunicorn leadnexus.wsgi:app`."""

from leadnexus.app import create_app

app = create_app()
