"""HTTP edge of the vendor side of leads: uploads, and a vendor's own leads."""

from __future__ import annotations

from collections.abc import Iterator

from apiflask import APIBlueprint
from flask import Response, request, url_for
from sqlalchemy.orm import Session

from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role
from leadnexus.errors import Conflict, ValidationFailed
from leadnexus.extensions import database, db_session, settings
from leadnexus.leads import lifecycle, service
from leadnexus.leads.ingest import uploads
from leadnexus.leads.ingest.mapping import CANONICAL_FIELDS
from leadnexus.leads.models import Lead, Upload, UploadStatus
from leadnexus.leads.schemas import (
    ColumnSuggestionRead,
    LeadCreate,
    LeadEventRead,
    LeadUpdate,
    UploadConfirm,
    UploadCreated,
    UploadPage,
    UploadRead,
    VendorLeadDetail,
    VendorLeadPage,
    VendorLeadQuery,
    VendorLeadRead,
)
from leadnexus.leads.tasks import process_upload_task
from leadnexus.pagination import PageQuery, page_out
from leadnexus.security import MULTIPART_ENDPOINTS

bp = APIBlueprint("leads", __name__, url_prefix="/api/leads", tag="Leads")
MULTIPART_ENDPOINTS.add("leads.upload_file")
LEAD_INPUT_FIELDS = set(CANONICAL_FIELDS) - {"full_name", "location"}


def _upload_read(upload: Upload) -> UploadRead:
    read = UploadRead.model_validate(upload)
    if (
        upload.status in (UploadStatus.COMPLETED.value, UploadStatus.FAILED.value)
        and upload.rejected
    ):
        read.error_report_url = url_for("leads.error_report", upload_id=upload.id)
    return read


@bp.post("/upload")
@auth_required(Role.VENDOR)
@bp.output(UploadCreated, status_code=201)
def upload_file() -> UploadCreated:
    """Upload a CSV/TSV file (multipart field 'file'); returns columns and a suggested mapping"""
    file = request.files.get("file")
    if file is None or not file.filename:
        raise ValidationFailed.for_field("file", "missing_file", "Attach the CSV file as 'file'.")
    session = db_session()
    stored = uploads.store_upload(
        session=session,
        vendor=current_user(),
        stream=file.stream,
        filename=file.filename,
        upload_dir=settings().upload_dir,
        max_bytes=settings().max_upload_bytes,
    )
    session.commit()
    return _upload_created(stored)


@bp.get("/uploads/<int:upload_id>/mapping")
@auth_required(Role.VENDOR)
@bp.output(UploadCreated)
@bp.doc(
    responses={
        404: "No upload of yours with this id",
        409: "The upload was already confirmed (upload_already_confirmed)",
        410: "The stored file is gone (upload_file_missing)",
    }
)
def reopen_upload(upload_id: int) -> UploadCreated:
    """Reopen an upload not confirmed yet: the same columns, samples and suggestions again"""
    stored = uploads.reopen_upload(
        session=db_session(),
        vendor=current_user(),
        upload_id=upload_id,
        upload_dir=settings().upload_dir,
    )
    return _upload_created(stored)


@bp.delete("/uploads/<int:upload_id>")
@auth_required(Role.VENDOR)
@bp.doc(
    responses={
        204: "Discarded",
        404: "No upload of yours with this id",
        409: "The upload was already confirmed (upload_already_confirmed)",
    }
)
def discard_upload(upload_id: int) -> Response:
    """Discard an upload not confirmed yet, with its stored file"""
    session = db_session()
    uploads.discard_upload(
        session=session,
        vendor=current_user(),
        upload_id=upload_id,
        upload_dir=settings().upload_dir,
    )
    session.commit()
    return Response(status=204)


def _upload_created(stored: uploads.StoredUpload) -> UploadCreated:
    remembered = stored.remembered
    return UploadCreated(
        upload=_upload_read(stored.upload),
        columns=stored.upload.headers,
        sample_rows=stored.sample_rows,
        suggested_mapping=[ColumnSuggestionRead(**vars(s)) for s in stored.suggestions],
        remembered_mapping=remembered.mapping if remembered else None,
        remembered_defaults=remembered.defaults if remembered else None,
        canonical_fields=list(CANONICAL_FIELDS),
    )


@bp.post("/uploads/<int:upload_id>/confirm")
@auth_required(Role.VENDOR)
@bp.input(UploadConfirm, arg_name="body")
@bp.output(UploadRead, status_code=202)
def confirm_upload(upload_id: int, body: UploadConfirm) -> UploadRead:
    """Confirm the column mapping and file defaults; processing starts in the background"""
    session = db_session()
    upload = uploads.confirm_upload(
        session=session,
        vendor=current_user(),
        upload_id=upload_id,
        mapping=body.mapping,
        defaults=body.defaults.model_dump(mode="json"),
    )
    session.commit()
    process_upload_task(upload.id)  # after the commit: the job reads what was committed
    session.refresh(upload)
    return _upload_read(upload)


@bp.get("/uploads")
@auth_required(Role.VENDOR)
@bp.input(PageQuery, location="query", arg_name="query")
@bp.output(UploadPage)
def list_uploads(query: PageQuery) -> UploadPage:
    """Your uploads, newest first"""
    page = uploads.list_uploads(
        session=db_session(), vendor=current_user(), limit=query.limit, cursor=query.cursor
    )
    return page_out(UploadPage, page, _upload_read)


@bp.get("/uploads/<int:upload_id>")
@auth_required(Role.VENDOR, Role.ADMIN)
@bp.output(UploadRead)
def get_upload(upload_id: int) -> UploadRead:
    """Status, progress and counts of one upload"""
    upload = uploads.get_upload(session=db_session(), vendor=current_user(), upload_id=upload_id)
    return _upload_read(upload)


@bp.get("/uploads/<int:upload_id>/errors.csv")
@auth_required(Role.VENDOR, Role.ADMIN)
def error_report(upload_id: int) -> Response:
    """Every rejected row as uploaded, plus its reasons (CSV)"""
    session = db_session()
    upload = uploads.get_upload(session=session, vendor=current_user(), upload_id=upload_id)
    if upload.status not in (UploadStatus.COMPLETED.value, UploadStatus.FAILED.value):
        raise Conflict(
            "The error report is ready when processing has finished.", code="upload_not_finished"
        )
    name = f"upload-{upload.id}-rejected-rows.csv"
    report_database = database()

    def lines() -> Iterator[str]:
        # The body streams after the request's session is closed, so it reads with its own.
        with report_database.session() as report_session:
            yield from uploads.error_report_lines(session=report_session, upload=upload)

    return Response(
        lines(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/mine")
@auth_required(Role.VENDOR)
@bp.input(VendorLeadQuery, location="query", arg_name="query")
@bp.output(VendorLeadPage)
def my_leads(query: VendorLeadQuery) -> VendorLeadPage:
    """Your leads with status, score and validation report"""
    page = service.list_own_leads(
        session=db_session(),
        vendor=current_user(),
        status=query.status,
        upload_id=query.upload_id,
        limit=query.limit,
        cursor=query.cursor,
    )
    return page_out(VendorLeadPage, page, VendorLeadRead.model_validate)


@bp.get("/mine/<int:lead_id>")
@auth_required(Role.VENDOR)
@bp.output(VendorLeadDetail)
def my_lead(lead_id: int) -> VendorLeadDetail:
    """One of your leads, with contact data, score, validation report and status history"""
    session = db_session()
    lead = service.get_own_lead(session=session, vendor=current_user(), lead_id=lead_id)
    return _detail(session, lead)


def _detail(session: Session, lead: Lead) -> VendorLeadDetail:
    events = [LeadEventRead.model_validate(e) for e in lifecycle.history(session, lead.id)]
    return VendorLeadDetail.model_validate(
        {**VendorLeadRead.model_validate(lead).model_dump(), "events": events}
    )


@bp.post("/<int:lead_id>/withdraw")
@auth_required(Role.VENDOR)
@bp.output(VendorLeadDetail)
def withdraw_lead(lead_id: int) -> VendorLeadDetail:
    """Take one of your published leads off the marketplace"""
    session = db_session()
    lead = service.withdraw_lead(session=session, vendor=current_user(), lead_id=lead_id)
    session.commit()
    return _detail(session, lead)


@bp.post("")
@auth_required(Role.VENDOR)
@bp.input(LeadCreate, arg_name="body")
@bp.output(VendorLeadRead, status_code=201)
def create_lead(body: LeadCreate) -> VendorLeadRead:
    """Create one lead; it runs through the same quality pipeline as an upload"""
    session = db_session()
    raw = {k: v for k, v in body.model_dump(include=LEAD_INPUT_FIELDS).items() if v}
    lead = service.create_lead(
        session=session,
        vendor=current_user(),
        raw=raw,
        price=body.price,
        currency=body.currency,
        max_sales=body.max_sales,
        default_country=body.default_country,
    )
    session.commit()
    return VendorLeadRead.model_validate(lead)


@bp.patch("/<int:lead_id>")
@auth_required(Role.VENDOR)
@bp.input(LeadUpdate, arg_name="body")
@bp.output(VendorLeadDetail)
def update_lead(lead_id: int, body: LeadUpdate) -> VendorLeadDetail:
    """Edit (or resubmit unchanged) one of your leads; it is validated again and goes back to
    review"""
    session = db_session()
    lead = service.update_lead(
        session=session,
        vendor=current_user(),
        lead_id=lead_id,
        changes=body.model_dump(include=LEAD_INPUT_FIELDS, exclude_unset=True),
        price=body.price,
        max_sales=body.max_sales,
    )
    session.commit()
    return _detail(session, lead)
