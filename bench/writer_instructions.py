"""Instructions the upload job's writer process executes per row, counted by valgrind.

Run: `.venv/bin/python -m bench.writer_instructions [--rows 10000]` (SQLite), or with
`BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_ingest` for PostgreSQL.
Needs valgrind (Debian's package). Takes a few minutes.

Wall-clock timings on the shared two-core machines swing by ±30% from minute to minute, which
hides changes of a few percent; instruction counts don't move with the machine. The job runs in
one process under callgrind, exactly as the worker runs it: the helper processes it spawns for
stages 1-5 run outside valgrind, so what is counted is the single writer (reading the file,
duplicates, inserts, commits), the part every row waits for. Start-up (imports, migrations, the
upload itself) is counted by a second run that stops before the job, and subtracted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench._callgrind import instructions
from bench._server import reset_postgres
from leadnexus.auth.models import Role, User
from leadnexus.cli import migrate
from leadnexus.db import Database
from leadnexus.demo import upload_as_suggested
from leadnexus.demo_data import write_leads_csv
from leadnexus.leads.ingest.jobs import process_upload
from leadnexus.leads.models import Upload, UploadStatus


def prepare_upload(database_url: str, csv_path: Path, upload_dir: Path) -> int:
    """A migrated database with a vendor and a confirmed upload of the file; its id."""

    if database_url.startswith("postgresql"):
        reset_postgres(database_url)
    migrate(database_url)
    database = Database(database_url)
    with database.session() as session:
        # No password: this vendor never signs in.
        vendor = User(email="bench@example.com", password_hash="!", role=Role.VENDOR, name="B")  # noqa: S106
        session.add(vendor)
        session.flush()
        upload_id = upload_as_suggested(
            session=session,
            vendor=vendor,
            path=csv_path,
            upload_dir=upload_dir,
            max_bytes=1 << 30,
            defaults={"default_country": "US"},
        )
    database.engine.dispose()
    return upload_id


def run_job(database_url: str, csv_path: Path, *, with_job: bool) -> None:
    """The child process that valgrind watches."""
    # Beside the file, in the folder the parent process removes.
    upload_dir = csv_path.parent / f"uploads-{'job' if with_job else 'setup'}"
    upload_dir.mkdir()
    upload_id = prepare_upload(database_url, csv_path, upload_dir)
    if not with_job:
        return
    database = Database(database_url)
    process_upload(database, upload_id, upload_dir)
    with database.session() as session:
        upload = session.get(Upload, upload_id)
        assert upload is not None
        assert upload.status == UploadStatus.COMPLETED.value
        assert upload.accepted + upload.accepted_with_warnings + upload.rejected == upload.rows_done


def _counted(database_url: str, csv_path: Path, *, with_job: bool) -> int:
    return instructions(
        "bench.writer_instructions",
        "--child",
        "job" if with_job else "setup",
        "--database-url",
        database_url,
        "--file",
        str(csv_path),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--child", choices=("job", "setup"))
    parser.add_argument("--database-url")
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    if args.child:
        run_job(args.database_url, args.file, with_job=args.child == "job")
        return

    with tempfile.TemporaryDirectory(prefix="leadnexus-bench-") as tmp:
        folder = Path(tmp)
        csv_path = write_leads_csv(folder / "leads.csv", args.rows, seed=11)
        counts = {}
        for with_job in (False, True):
            # A fresh SQLite file each run; PostgreSQL is reset by prepare_upload.
            url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder / f'{with_job}.db'}"
            counts[with_job] = _counted(url, csv_path, with_job=with_job)
    job = counts[True] - counts[False]
    print(f"database            {url.split(':')[0]}")
    print(f"rows                {args.rows:,}")
    print(f"start-up            {counts[False] / 1e9:.2f} G instructions (subtracted)")
    print(f"writer, the job     {job / 1e9:.2f} G instructions")
    print(f"writer per row      {job / args.rows / 1e3:,.0f} k instructions")


if __name__ == "__main__":
    main()
