"""Upload-to-done for a realistic 100,000-row file, and the per-row cost of each part.

Run: `.venv/bin/python -m bench.ingest [--rows 100000]` (SQLite), or with
`BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench` for PostgreSQL.
Starts the web server and the worker as `make run` does, uploads the generated file through the
API, confirms the suggested mapping, polls until the job is done, and prints the timings, the
counts and the worker's peak memory. Then times the validation libraries alone on the same rows,
so the overhead of our own code is visible.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
import urllib.request
import uuid
from contextlib import suppress
from pathlib import Path

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bench._server import cpu_seconds, peak_rss_mb, running_stack, tree_rss_mb
from leadnexus.demo_data import write_leads_csv
from leadnexus.leads.ingest.mapping import suggest_mapping
from leadnexus.leads.validation.pipeline import FileDefaults, run_row_stages

PASSWORD = "benchmark passphrase 42"  # noqa: S105 - a scratch account on a scratch database


def _request(url: str, *, body: bytes | None = None, headers: dict | None = None) -> dict:
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
        return json.loads(response.read() or b"{}")


def _json(url: str, payload: dict, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return _request(url, body=json.dumps(payload).encode(), headers=headers)


def _multipart(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    return head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode(), boundary


def end_to_end(path: Path, rows: int) -> None:
    with running_stack(worker=True) as stack:
        url = stack.url
        token = _json(
            f"{url}/api/auth/register",
            {"email": "bench@example.com", "password": PASSWORD, "role": "vendor", "name": "Bench"},
        )["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        body, boundary = _multipart(path)
        started = time.perf_counter()
        created = _request(
            f"{url}/api/leads/upload",
            body=body,
            headers={**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        uploaded = time.perf_counter()
        mapping = {s["column"]: s["field"] for s in created["suggested_mapping"] if s["field"]}
        upload_id = created["upload"]["id"]
        cpu_before = cpu_seconds(stack.worker.pid) if stack.worker else float("nan")
        _json(
            f"{url}/api/leads/uploads/{upload_id}/confirm",
            {"mapping": mapping, "defaults": {"default_country": "US"}},
            token,
        )
        tree_peak = 0.0
        while True:
            if stack.worker:
                tree_peak = max(tree_peak, tree_rss_mb(stack.worker.pid))
            status = _request(f"{url}/api/leads/uploads/{upload_id}", headers=auth)
            if status["status"] in ("completed", "failed"):
                break
            time.sleep(0.1)
        done = time.perf_counter()
        job_cpu = (cpu_seconds(stack.worker.pid) if stack.worker else float("nan")) - cpu_before
        worker_mb = peak_rss_mb(stack.worker.pid) if stack.worker else float("nan")
        print(f"database            {stack.env['DATABASE_URL'].split(':')[0]}")
        print(f"rows                {rows:,} ({path.stat().st_size / 1e6:.1f} MB)")
        print(f"upload + sniff      {uploaded - started:.2f} s")
        print(
            f"upload-to-done      {done - started:.2f} s  ({rows / (done - started):,.0f} rows/s)"
        )
        print(f"status              {status['status']}")
        print(
            "counts              accepted {accepted:,}, with warnings {accepted_with_warnings:,}, "
            "rejected {rejected:,} (duplicates {duplicates:,})".format(**status)
        )
        assert status["accepted"] + status["accepted_with_warnings"] + status["rejected"] == rows
        print(f"rejected by reason  {status['rejected_by_reason']}")
        print(f"worker peak RSS     {worker_mb:.0f} MB (the consumer process)")
        print(f"job peak RSS        {tree_peak:.0f} MB (consumer + its helper processes, sampled)")
        print(
            f"job CPU             {job_cpu:.1f} s (consumer + its helpers, "
            f"{job_cpu / (done - started):.2f} cores busy; a database server's own not counted)"
        )


def _per_row_us(label: str, fn, items: list) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for item in items:
        fn(item)
    cost = (time.perf_counter() - started) / len(items) * 1e6
    print(f"  {label:<38}{cost:8.1f} µs/row")
    return cost


def per_row_costs(path: Path, sample: int = 20_000) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        headers = next(reader)
        rows = [row for _, row in zip(range(sample), reader, strict=False)]
    lines = path.read_text(encoding="utf-8").splitlines()[1 : sample + 1]
    columns = {s.index: s.field for s in suggest_mapping(headers, rows[:20]) if s.field is not None}
    raws = [{field: row[i] for i, field in columns.items() if i < len(row)} for row in rows]

    def email(raw: dict) -> None:
        with suppress(EmailNotValidError):
            validate_email(raw.get("email", ""), check_deliverability=False)

    def phone(raw: dict) -> None:
        with suppress(phonenumbers.NumberParseException):
            phonenumbers.is_valid_number(phonenumbers.parse(raw.get("phone", ""), "US"))

    print(f"per-row costs over {len(rows):,} rows")
    parse = _per_row_us("csv parse", lambda line: next(csv.reader([line])), lines)
    libs = parse + _per_row_us("email-validator (no DNS)", email, raws)
    libs += _per_row_us("phonenumbers parse + is_valid", phone, raws)
    defaults = FileDefaults(default_country="US")
    ours = _per_row_us(
        "run_row_stages (stages 1-5, ours)", lambda raw: run_row_stages(raw, defaults), raws
    )
    print(f"  {'sum of the libraries':<38}{libs:8.1f} µs/row")
    print(f"  {'stages 1-5 / libraries':<38}{ours / libs:8.2f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_leads_csv(Path(tmp) / "bench-leads.csv", args.rows, seed=11)
        per_row_costs(path)
        end_to_end(path, args.rows)


if __name__ == "__main__":
    main()
