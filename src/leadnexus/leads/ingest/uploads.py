"""Vendor uploads: store and sniff a file, suggest a mapping, confirm it, report on the result."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.db import run_after_commit
from leadnexus.errors import AppError, Conflict, FieldError, NotFound, ValidationFailed
from leadnexus.leads.ingest.mapping import CANONICAL_FIELDS, ColumnSuggestion, suggest_mapping
from leadnexus.leads.ingest.reader import CsvFormatError, CsvLayout, read_sample, sniff
from leadnexus.leads.models import Upload, UploadRejection, UploadStatus, VendorMapping
from leadnexus.pagination import Page, keyset_page

CHUNK = 1024 * 1024
REPORT_CHUNK = 1000
SAMPLE_ROWS = 10
# A lead must be reachable: the mapping needs at least one of these.
REACH_FIELDS = {"email", "phone"}


class UploadTooLarge(AppError):
    status = 413
    code = "payload_too_large"
    title = "Upload too large"


def _size_label(size: int) -> str:
    """50 MB, 1.5 MB, 200 KB: a limit as people read it (a small configured one is not 0 MB)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{max(1, round(size / 1024))} KB"


class UnreadableFile(AppError):
    status = 422
    title = "Unreadable file"


class UploadFileMissing(AppError):
    status = 410
    code = "upload_file_missing"
    title = "Upload file missing"


@dataclass(frozen=True)
class StoredUpload:
    upload: Upload
    sample_rows: list[list[str]]
    suggestions: list[ColumnSuggestion]
    remembered: VendorMapping | None


def header_signature(headers: list[str]) -> str:
    """Same columns in the same order, ignoring case and spacing, give the same signature."""
    normalised = "\x1f".join(" ".join(h.lower().split()) for h in headers)
    return hashlib.sha256(normalised.encode()).hexdigest()


def upload_path(upload_dir: Path, upload: Upload) -> Path:
    return upload_dir / upload.stored_name


MAX_FILENAME = 255  # Upload.filename
_PATH_SEPARATORS = re.compile(r"[/\\]")


def display_name(filename: str) -> str:
    """The name the vendor sees again, from the one their client sent.

    Only the last path segment (some browsers send C:\\Users\\…), without control or
    bidirectional-format characters (PostgreSQL refuses NUL in text; U+202E makes "txt.exe" read
    as "exe.txt"), and short enough for the column with its extension kept.
    """
    name = _PATH_SEPARATORS.split(filename)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf")).strip()
    if name in ("", ".", ".."):
        return "upload.csv"
    stem, dot, extension = name.rpartition(".")
    if len(name) > MAX_FILENAME and dot and len(extension) < 10:
        return stem[: MAX_FILENAME - len(extension) - 1] + dot + extension
    return name[:MAX_FILENAME]


def _save_stream(stream: IO[bytes], target: Path, max_bytes: int) -> int:
    """Copy in chunks and stop as soon as the limit is passed, so memory stays flat."""
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                out.close()
                target.unlink(missing_ok=True)
                raise UploadTooLarge(f"The file is larger than the {_size_label(max_bytes)} limit.")
            out.write(chunk)
    return size


def store_upload(
    *,
    session: Session,
    vendor: User,
    stream: IO[bytes],
    filename: str,
    upload_dir: Path,
    max_bytes: int,
) -> StoredUpload:
    """Save the file, detect its layout and suggest a mapping; nothing is processed yet."""
    stored_name = f"{uuid.uuid4().hex}.csv"
    target = upload_dir / stored_name
    size = _save_stream(stream, target, max_bytes)
    try:
        layout = sniff(target)
    except CsvFormatError as exc:
        target.unlink(missing_ok=True)
        raise UnreadableFile(exc.message, code=exc.code) from exc
    signature = header_signature(layout.headers)
    upload = Upload(
        vendor_id=vendor.id,
        filename=display_name(filename),
        stored_name=stored_name,
        size_bytes=size,
        encoding=layout.encoding,
        delimiter=layout.delimiter,
        headers=layout.headers,
        header_signature=signature,
        status=UploadStatus.UPLOADED.value,
    )
    try:
        session.add(upload)
        session.flush()
        return _mapping_proposal(session=session, upload=upload, path=target)
    except Exception:
        target.unlink(missing_ok=True)  # the transaction rolls back; the file must go with it
        raise


def _remembered_mapping(session: Session, upload: Upload) -> VendorMapping | None:
    return session.scalar(
        select(VendorMapping).where(
            VendorMapping.vendor_id == upload.vendor_id,
            VendorMapping.header_signature == upload.header_signature,
        )
    )


def _mapping_proposal(*, session: Session, upload: Upload, path: Path) -> StoredUpload:
    """What the mapping screen shows, read from the stored file: samples, suggestions, memory."""
    sample = read_sample(path, layout_of(upload), SAMPLE_ROWS)
    suggestions = suggest_mapping(upload.headers, sample)
    return StoredUpload(upload, sample, suggestions, _remembered_mapping(session, upload))


def _upload_not_found() -> NotFound:
    return NotFound("No upload with this id.", code="upload_not_found")


def get_upload(*, session: Session, vendor: User, upload_id: int) -> Upload:
    """Another vendor's upload is 'not found', so ids reveal nothing."""
    upload = session.get(Upload, upload_id)
    if upload is None or (upload.vendor_id != vendor.id and vendor.role != "admin"):
        raise _upload_not_found()
    return upload


def _own_unconfirmed_upload(
    *, session: Session, vendor: User, upload_id: int, lock: bool
) -> Upload:
    """The vendor's own upload while its mapping is still open (not confirmed yet)."""
    # The row lock orders confirm and discard of the same upload: the second sees the first's
    # outcome (a status other than 'uploaded', or no row at all) instead of overwriting it.
    upload = session.get(Upload, upload_id, with_for_update=True if lock else None)
    if upload is None or upload.vendor_id != vendor.id:
        raise _upload_not_found()
    if upload.status != UploadStatus.UPLOADED.value:
        raise Conflict("This upload was already confirmed.", code="upload_already_confirmed")
    return upload


def reopen_upload(
    *, session: Session, vendor: User, upload_id: int, upload_dir: Path
) -> StoredUpload:
    """The mapping screen of an upload not confirmed yet, as the upload answered it."""
    upload = _own_unconfirmed_upload(
        session=session, vendor=vendor, upload_id=upload_id, lock=False
    )
    try:
        return _mapping_proposal(
            session=session, upload=upload, path=upload_path(upload_dir, upload)
        )
    except FileNotFoundError as exc:
        raise UploadFileMissing(
            "The stored file of this upload is gone; discard it and upload the file again."
        ) from exc


def discard_upload(*, session: Session, vendor: User, upload_id: int, upload_dir: Path) -> None:
    """Delete an upload not confirmed yet; its stored file goes once the deletion commits."""
    upload = _own_unconfirmed_upload(session=session, vendor=vendor, upload_id=upload_id, lock=True)
    path = upload_path(upload_dir, upload)
    session.delete(upload)
    session.flush()
    # After the commit: a rolled-back deletion must still find its file.
    run_after_commit(session, partial(path.unlink, missing_ok=True))


def list_uploads(*, session: Session, vendor: User, limit: int, cursor: str | None) -> Page[Upload]:
    query = select(Upload).where(Upload.vendor_id == vendor.id)
    return keyset_page(session, query, Upload.id, limit=limit, cursor=cursor)


def _validate_mapping(upload: Upload, mapping: dict[str, str | None]) -> dict[str, str]:
    errors: list[FieldError] = []
    chosen: dict[str, str] = {}
    for column, field_name in mapping.items():
        if column not in upload.headers:
            errors.append(
                FieldError(f"mapping.{column}", "unknown_column", "The file has no such column.")
            )
        elif field_name is not None and field_name not in CANONICAL_FIELDS:
            errors.append(
                FieldError(
                    f"mapping.{column}", "unknown_field", f"'{field_name}' is not a lead field."
                )
            )
        elif field_name is not None and field_name in chosen.values():
            errors.append(
                FieldError(
                    f"mapping.{column}",
                    "field_mapped_twice",
                    f"'{field_name}' is already mapped to another column.",
                )
            )
        elif field_name is not None:
            chosen[column] = field_name
    if not errors and not REACH_FIELDS & set(chosen.values()):
        errors.append(
            FieldError("mapping", "no_contact_column", "Map at least an email or a phone column.")
        )
    if errors:
        raise ValidationFailed(errors[0].message, errors=errors)
    return chosen


def confirm_upload(
    *,
    session: Session,
    vendor: User,
    upload_id: int,
    mapping: dict[str, str | None],
    defaults: dict[str, Any],
) -> Upload:
    """Fix the mapping and defaults, remember them for this header layout, and queue the job."""
    upload = _own_unconfirmed_upload(session=session, vendor=vendor, upload_id=upload_id, lock=True)
    upload.mapping = _validate_mapping(upload, mapping)
    upload.defaults = defaults
    upload.status = UploadStatus.QUEUED.value
    remembered = _remembered_mapping(session, upload)
    if remembered is None:
        session.add(
            VendorMapping(
                vendor_id=vendor.id,
                header_signature=upload.header_signature,
                mapping=upload.mapping,
                defaults=defaults,
            )
        )
    else:
        remembered.mapping, remembered.defaults = upload.mapping, defaults
    session.flush()
    return upload


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Spreadsheet formula injection: a leading ' makes Excel and Sheets show the text as text."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def _report_row(rejection: UploadRejection, *, width: int, reasons: str) -> list[str | int]:
    """The row's cells under their headings, then its number and reasons under theirs.

    A short row is padded and a long row's extra cells go last: either way a spreadsheet shows
    the number and reasons in their own columns (a one-cell row used to put its reasons under
    the file's third heading), and no cell the vendor sent is left out.
    """
    cells = [neutralise_cell(cell) for cell in rejection.cells]
    padding = [""] * (width - len(cells))
    return [
        *cells[:width],
        *padding,
        rejection.row_number,
        neutralise_cell(reasons),
        *cells[width:],
    ]


def error_report_lines(*, session: Session, upload: Upload) -> Iterator[str]:
    """Every rejected row as uploaded, plus its reasons, as CSV text (streamed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([*map(neutralise_cell, upload.headers), "row_number", "rejection_reasons"])
    yield flush()
    last_row = 0
    while True:
        # Keyset chunks, not a server-side cursor: a client that stops reading halfway must not
        # leave a cursor (and its transaction) open on the connection.
        chunk = session.scalars(
            select(UploadRejection)
            .where(UploadRejection.upload_id == upload.id, UploadRejection.row_number > last_row)
            .order_by(UploadRejection.row_number)
            .limit(REPORT_CHUNK)
        ).all()
        if not chunk:
            return
        for rejection in chunk:
            reasons = "; ".join(r["message"] for r in rejection.reasons)
            writer.writerow(_report_row(rejection, width=len(upload.headers), reasons=reasons))
        last_row = chunk[-1].row_number
        yield flush()


def layout_of(upload: Upload) -> CsvLayout:
    return CsvLayout(
        encoding=upload.encoding,
        delimiter=upload.delimiter,
        headers=upload.headers,
        duplicate_headers=[],
    )
