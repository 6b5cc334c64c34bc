"""Fixtures: settings → migrated database (SQLite copy or PostgreSQL) → app → client; factories.

The suite runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ["LEADNEXUS_ENV"] = "test"  # before leadnexus.queue is imported: jobs run inline

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from leadnexus.app import create_app
from leadnexus.auth.models import Role, User
from leadnexus.auth.service import create_user
from leadnexus.cli import migrate
from leadnexus.config import Settings
from leadnexus.db import Base, Database, make_engine

pytest_plugins = ["tests.stripe_emulator"]  # the `stripe_emulator` fixture

PG_URL = os.environ.get("TEST_DATABASE_URL")
PASSWORD = "correct horse battery staple"


def reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Migrate once per run: the PostgreSQL schema, or a SQLite file that each test copies."""
    if PG_URL:
        reset_postgres(PG_URL)
        migrate(PG_URL)
        return PG_URL
    path = tmp_path_factory.mktemp("db") / "template.db"
    migrate(f"sqlite:///{path}")
    return str(path)


def _empty_postgres(url: str) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def database_url(migrated_template: str, tmp_path: Path) -> Iterator[str]:
    if PG_URL:
        yield PG_URL
        _empty_postgres(PG_URL)
    else:
        path = tmp_path / "test.db"
        shutil.copy(migrated_template, path)
        yield f"sqlite:///{path}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        env="test",
        instance_dir=tmp_path / "instance",
        database_url=database_url,
        secret_key="test-secret-" + "x" * 40,
        bcrypt_rounds=4,
        web_dist=tmp_path / "dist",
        ratelimit_prefix=f"test-{os.getpid()}-{tmp_path.name}",
    )


@pytest.fixture
def app(settings: Settings):  # type: ignore[no-untyped-def]
    app = create_app(settings)
    yield app
    app.extensions["leadnexus.db"].dispose()


@pytest.fixture
def client(app) -> FlaskClient:  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def database(app) -> Database:  # type: ignore[no-untyped-def]
    return app.extensions["leadnexus.db"]


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.session() as session:
        yield session


@dataclass
class Factory:
    database: Database
    settings: Settings
    count: int = 0

    def user(
        self,
        role: Role = Role.CLIENT,
        *,
        email: str | None = None,
        password: str = PASSWORD,
        is_active: bool = True,
        name: str | None = None,
    ) -> User:
        self.count += 1
        with self.database.session() as session:
            user = create_user(
                session=session,
                email=email or f"{role.value}{self.count}@example.com",
                password=password,
                role=role,
                name=name or f"{role.value.title()} {self.count}",
                company="Example Ltd",
                settings=self.settings,
            )
            user.is_active = is_active
        return user


@pytest.fixture
def make(database: Database, settings: Settings) -> Factory:
    return Factory(database, settings)


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> dict:
    response = client.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def as_user(client: FlaskClient, make: Factory):  # type: ignore[no-untyped-def]
    """Create a user of a role and return (user, auth headers)."""

    def _as(role: Role = Role.CLIENT, **kwargs: object) -> tuple[User, dict[str, str]]:
        user = make.user(role, **kwargs)  # type: ignore[arg-type]
        return user, bearer(login(client, user.email)["access_token"])

    return _as
