"""`leadnexus` command line: database, demo data, worker, web server, and both together."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

from leadnexus.config import PROJECT_ROOT, Settings


def _settings() -> Settings:
    return Settings.from_env()


def migrate(database_url: str, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic (the one migration history for every DB)."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    command.upgrade(config, revision)


@click.group()
def main() -> None:
    """Lead-Nexus: a B2B lead marketplace."""


@main.command("init-db")
def init_db() -> None:
    """Create or upgrade the database schema (alembic upgrade head)."""
    settings = _settings()
    migrate(settings.database_url)
    click.echo("database is at the latest schema")


@main.command("create-admin")
@click.option("--email", required=True)
@click.option("--name", default="Administrator", show_default=True)
@click.password_option(help="Prompted for when not given")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an admin account (admins cannot sign up through the API)."""
    from leadnexus.auth.models import Role
    from leadnexus.auth.schemas import normalise_email
    from leadnexus.auth.service import create_user
    from leadnexus.db import Database
    from leadnexus.errors import AppError

    settings = _settings()
    database = Database(settings.database_url)
    try:
        with database.session() as session:
            user = create_user(
                session=session,
                email=normalise_email(email),
                password=password,
                role=Role.ADMIN,
                name=name,
                company=None,
                settings=settings,
            )
            click.echo(f"admin {user.email} created")
    except (AppError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


@main.command("seed-demo")
def seed_demo() -> None:
    """Create the demo accounts and leads (each only once) and print the logins."""
    from leadnexus import queue, wiring  # noqa: F401  (the demo's leads run the real flows)
    from leadnexus.db import Database
    from leadnexus.demo import (
        seed_demo_accounts,
        seed_demo_leads,
        seed_demo_reviews,
        seed_demo_rule,
    )

    settings = _settings()
    database = Database(settings.database_url)
    queue.bind(database, settings)  # the demo's notifications are delivered like real ones
    with database.session() as session:
        logins = seed_demo_accounts(session=session, settings=settings)
        seed_demo_rule(session=session)
    if seed_demo_leads(database=database, settings=settings):
        click.echo("demo leads uploaded through the quality pipeline")
    if reviewed := seed_demo_reviews(database=database):
        click.echo(f"demo admin reviewed {reviewed} leads; the newest wait in the queue")
    _print_logins(logins)


def _print_logins(logins: list) -> None:  # type: ignore[type-arg]
    click.echo("\nDemo logins (passwords are random per install, kept in instance/):")
    for login in logins:
        click.echo(f"  {login.role:<7} {login.email:<32} {login.password}")


@main.command()
@click.option("--workers", default=2, show_default=True, help="Worker threads")
def worker(workers: int) -> None:
    """Run the Huey consumer (background jobs)."""
    from leadnexus import queue
    from leadnexus.db import Database
    from leadnexus.wiring import huey  # registers every feature's jobs and flows

    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker %(levelname)s %(message)s")
    settings = _settings()
    queue.bind(Database(settings.database_url), settings)
    # An idle consumer polls less and less often, by default down to every 10 s on SQLite
    # (Redis wakes it at once): a vendor's upload would wait that long to start.
    consumer = huey.create_consumer(workers=workers, worker_type="thread", max_delay=0.5)
    consumer.run()


def _end_streams_on_shutdown(worker: object) -> None:
    """In each gunicorn worker: on SIGTERM, end the open notification streams first, so the
    graceful shutdown does not wait for them (they would only end at their lifetime)."""
    from leadnexus.notifications.live import end_all_streams

    stop_worker = signal.getsignal(signal.SIGTERM)

    def on_sigterm(signum: int, frame: object) -> None:
        end_all_streams()
        if callable(stop_worker):
            stop_worker(signum, frame)

    signal.signal(signal.SIGTERM, on_sigterm)


@main.command()
@click.option(
    "--host", default=lambda: os.environ.get("HOST", "127.0.0.1"), show_default="127.0.0.1"
)
@click.option("--port", default=lambda: int(os.environ.get("PORT", "8000")), show_default="8000")
@click.option("--workers", type=int, help="Processes [default: WEB_WORKERS or 2]")
@click.option("--threads", type=int, help="Threads per process [default: WEB_THREADS or 32]")
def serve(host: str, port: int, workers: int | None, threads: int | None) -> None:
    """Run the web server (gunicorn, threaded workers) serving the API and the web app."""
    from gunicorn.app.base import BaseApplication

    from leadnexus.app import create_app

    overrides = {
        name: value
        for name, value in (("web_workers", workers), ("web_threads", threads))
        if value is not None
    }
    # The app knows the real thread count: it caps live streams below it.
    settings = Settings.from_env(**overrides)

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", settings.web_workers)
            # Threads, not gevent: SQLite's C calls would block an event loop. Each open
            # notification stream holds a thread; the app admits at most
            # `settings.max_streams` per process so ordinary requests always find one.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", settings.web_threads)
            self.cfg.set("accesslog", "-")
            self.cfg.set("graceful_timeout", 10)
            self.cfg.set("post_worker_init", _end_streams_on_shutdown)

        def load(self):  # type: ignore[no-untyped-def]
            return create_app(settings)

    Server().run()


@main.command()
def openapi() -> None:
    """Print the OpenAPI document (the web app's API types are generated from it)."""
    from leadnexus.app import create_app

    app = create_app()
    with app.app_context():
        click.echo(json.dumps(app.spec, indent=2, sort_keys=True))


def _start_payment_emulator(settings: Settings) -> list[subprocess.Popen]:  # type: ignore[type-arg]
    """Start localstripe when the SDK is pointed at it on this machine, and have it deliver
    webhooks to our endpoint; with real Stripe keys there is nothing to start."""
    from urllib.parse import urlsplit

    from leadnexus.payments import emulator

    if not emulator.is_local_emulator(settings.stripe_api_base):
        return []
    base = str(settings.stripe_api_base)
    state = settings.instance_dir / "localstripe.pickle"
    try:
        process, _ = emulator.start_process(urlsplit(base).port or 80, state_file=state)
    except (OSError, RuntimeError, TimeoutError) as exc:
        raise click.ClickException(f"the Stripe emulator did not start on {base}: {exc}") from exc
    try:
        emulator.register_webhook(
            base, f"{settings.public_url}/api/payments/webhook", settings.stripe_webhook_secret
        )
    except OSError as exc:
        process.terminate()
        raise click.ClickException(f"the Stripe emulator refused our webhook: {exc}") from exc
    click.echo(f"Stripe emulator (localstripe) on {base}")
    return [process]


@main.command()
def up() -> None:
    """Migrate, seed on first run, then run web server and worker until Ctrl-C."""
    settings = _settings()
    migrate(settings.database_url)
    ctx = click.get_current_context()
    ctx.invoke(seed_demo)
    executable = str(Path(sys.executable).with_name("leadnexus"))
    children = _start_payment_emulator(settings)
    children += [
        subprocess.Popen([executable, "worker"]),  # noqa: S603
        subprocess.Popen([executable, "serve"]),  # noqa: S603
    ]
    click.echo("\nLead-Nexus is starting on http://127.0.0.1:8000  (Ctrl-C stops web and worker)\n")

    def stop(*_args: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while all(child.poll() is None for child in children):
        time.sleep(0.5)
    failed = [
        " ".join(map(str, child.args[1:3])) for child in children if child.poll() not in (None, 0)
    ]
    click.echo(f"stopping: {', '.join(failed) or 'a process'} exited", err=True)
    stop()
