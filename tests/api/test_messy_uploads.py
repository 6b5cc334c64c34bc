"""Real-world exports through the API: other tools' headers, encodings and defects.

Each test uploads a file as a vendor would get it from another tool, confirms the suggested
mapping and checks the suggestion, the counts, the reasons and the stored leads.
"""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from leadnexus.auth.models import Role
from leadnexus.leads.models import Lead


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)[1]


def _upload(client, headers, content: bytes, name="export.csv"):
    response = client.post(
        "/api/leads/upload",
        data={"file": (io.BytesIO(content), name)},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _suggested(created) -> dict[str, str | None]:
    return {s["column"]: s["field"] for s in created["suggested_mapping"]}


def _process(client, headers, created, mapping=None, **defaults) -> dict:
    """Confirm (the suggested mapping unless given) and return the finished upload."""
    upload_id = created["upload"]["id"]
    body = {
        "mapping": mapping or _suggested(created),
        "defaults": {"price": {"mode": "fixed", "amount": "30.00"}, **defaults},
    }
    confirmed = client.post(f"/api/leads/uploads/{upload_id}/confirm", json=body, headers=headers)
    assert confirmed.status_code == 202, confirmed.get_json()
    upload = client.get(f"/api/leads/uploads/{upload_id}", headers=headers).get_json()
    assert upload["status"] == "completed"
    accepted = upload["accepted"] + upload["accepted_with_warnings"]
    assert accepted + upload["rejected"] == upload["rows_total"] == upload["rows_done"]
    return upload


def _report(client, headers, upload) -> list[list[str]]:
    response = client.get(upload["error_report_url"], headers=headers)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    response.close()
    return rows


def _leads(database, upload) -> list[Lead]:
    with database.session() as session:
        query = select(Lead).where(Lead.upload_id == upload["id"]).order_by(Lead.source_row)
        return list(session.scalars(query))


def test_apollo_phone_written_as_text_is_the_phone_not_the_empty_mobile_column(
    client, vendor, database
):
    # Apollo writes phones with Excel's text marker; its Mobile Phone column is often empty.
    content = (
        b"First Name,Last Name,Title,Company,Email,Work Direct Phone,Mobile Phone,Corporate Phone\n"
        b"Tom,Hanks,VP Engineering,Initech,tom@initech.com,'+1 415-555-2671,,'+1 415-555-0000\n"
        b"Meg,Ryan,CFO,Initrode,meg@initrode.com,'+1 212-555-0199,,\n"
    )
    created = _upload(client, vendor, content)
    mapping = _suggested(created)
    assert mapping["Work Direct Phone"] == "phone"
    assert mapping["Mobile Phone"] is None

    upload = _process(client, vendor, created)
    assert upload["accepted"] == 2
    assert [lead.phone for lead in _leads(database, upload)] == ["+14155552671", "+12125550199"]


def test_a_duplicated_email_header_maps_the_copy_that_holds_the_emails(client, vendor):
    content = b"Email,Name,Email,Company\n,Ann Lee,ann@acme.io,Acme\n,Bo Kim,bo@beta.io,Beta\n"
    created = _upload(client, vendor, content)
    mapping = _suggested(created)
    assert (mapping["Email"], mapping["Email (2)"]) == (None, "email")

    upload = _process(client, vendor, created)
    assert (upload["accepted"], upload["rejected"]) == (2, 0)


def test_placeholders_are_not_shown_as_samples_nor_count_against_the_header(client, vendor):
    # A sparse email column: most contacts only have a phone.
    rows = "".join(f"P{i} Q,N/A,+1 415 555 26{i:02},Firm{i},US\n" for i in range(8))
    content = f"Name,Email,Phone,Company,Country\n{rows}Z Z,z@z.io,,Z,US\n".encode()
    created = _upload(client, vendor, content)
    email = next(s for s in created["suggested_mapping"] if s["column"] == "Email")
    assert (email["field"], email["samples"]) == ("email", ["z@z.io"])
    assert email["confidence"] >= 0.9


def test_a_corrected_error_report_uploads_cleanly(client, vendor, database):
    # The error report marks "-", "+44 …" and "=…" cells with a leading ' for spreadsheets;
    # vendors fix the rows in it and upload it again.
    content = (
        b"First Name,Last Name,Email,Phone,Company,Country\n"
        b"Ann,-,ann@acme.io,+44 20 7946 0958,,GB\n"
        b"Bo,Kim,bo@,,Beta,GB\n"
    )
    first = _process(client, vendor, _upload(client, vendor, content))
    report = _report(client, vendor, first)
    assert report[1][1:5] == ["'-", "ann@acme.io", "'+44 20 7946 0958", ""]
    report[1][4], report[2][2] = "Acme", "bo@beta.io"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(report)

    created = _upload(client, vendor, buffer.getvalue().encode(), name="errors.csv")
    mapping = _suggested(created)
    assert mapping["row_number"] is None and mapping["rejection_reasons"] is None
    again = _process(client, vendor, created)
    assert again["accepted"] == 2
    ann, bo = _leads(database, again)
    assert (ann.contact_last_name, ann.phone, bo.email) == (None, "+442079460958", "bo@beta.io")


def test_german_excel_export(client, vendor, database):
    content = (
        "Anrede;Vorname;Nachname;E-Mail-Adresse;Telefon;Firma;Position;Straße;PLZ;Ort;Land;"
        "Umsatz;Mitarbeiter\n"
        "Herr;Jörg;Müller;joerg@baeckerei-mueller.de;030 123456;Bäckerei Müller GmbH;"
        'Geschäftsführer;Hauptstr. 1;10115;Berlin;Deutschland;"1.234.567,89";1.500\n'
        "Frau;Anna;Schäfer;anna@schaefer.de;+49 89 987654;Schäfer AG;Leiterin Vertrieb;;"
        "80331;München;Deutschland;2,5 Mio;12\n"
    ).encode("cp1252")
    created = _upload(client, vendor, content)
    assert (created["upload"]["encoding"], created["upload"]["delimiter"]) == ("cp1252", ";")
    assert _suggested(created) == {
        "Anrede": None,
        "Vorname": "first_name",
        "Nachname": "last_name",
        "E-Mail-Adresse": "email",
        "Telefon": "phone",
        "Firma": "company_name",
        "Position": "job_title",
        "Straße": None,
        "PLZ": None,
        "Ort": "city",
        "Land": "country",
        "Umsatz": "annual_revenue",
        "Mitarbeiter": "company_size",
    }

    upload = _process(client, vendor, created, default_country="DE")
    assert (upload["accepted"], upload["rejected"]) == (2, 0)
    jorg, anna = _leads(database, upload)
    assert (jorg.contact_last_name, jorg.company_name, jorg.city) == (
        "Müller",
        "Bäckerei Müller GmbH",
        "Berlin",
    )
    assert (jorg.phone, jorg.country, jorg.company_size) == ("+4930123456", "DE", "1001-5000")
    assert (anna.annual_revenue, anna.company_size) == ("2,5 Mio", "11-50")


def test_french_excel_export(client, vendor):
    content = (
        "Civilité;Prénom;Nom;Courriel;Téléphone;Société;Fonction;Ville;Pays;"
        "Chiffre d'affaires;Effectif\n"
        "M.;François;Lefèvre;francois@societe.fr;01 23 45 67 89;Lefèvre SA;Directeur commercial;"
        'Paris;France;"3,5 M€";250\n'
    ).encode("cp1252")
    created = _upload(client, vendor, content)
    assert _suggested(created) == {
        "Civilité": None,
        "Prénom": "first_name",
        "Nom": "last_name",
        "Courriel": "email",
        "Téléphone": "phone",
        "Société": "company_name",
        "Fonction": "job_title",  # the job, not the English "Function" (department)
        "Ville": "city",
        "Pays": "country",
        "Chiffre d'affaires": "annual_revenue",
        "Effectif": "company_size",
    }
    upload = _process(client, vendor, created, default_country="FR")
    assert (upload["accepted"], upload["rejected"]) == (1, 0)


def test_zoominfo_direct_phone_number_is_the_phone(client, vendor):
    content = (
        b"First Name,Last Name,Direct Phone Number,Email Address,Mobile phone,Company Name,"
        b"Company HQ Phone\n"
        b"Linh,Nguyen,(617) 555-0123,linh@contoso.com,(617) 555-0999,Contoso,(617) 555-0000\n"
    )
    mapping = _suggested(_upload(client, vendor, content))
    assert mapping["Direct Phone Number"] == "phone"
    assert mapping["Mobile phone"] is None and mapping["Company HQ Phone"] is None


def test_wrapped_email_addresses_are_unwrapped(client, vendor, database):
    content = (
        b"Name,Email,Company\n"
        b"Ann Lee,mailto:ann@acme.io,Acme\n"
        b"Bo Kim,<bo@beta.io>,Beta\n"
        b'Cy Day,"Cy Day <cy@gamma.io>",Gamma\n'
        b"Di Eck,MAILTO:di@delta.io?subject=Hi,Delta\n"
        b"Ed Fox,mailto:ANN@ACME.IO,Acme\n"  # the same address as row 1
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert (upload["accepted"], upload["rejected"]) == (4, 1)
    assert upload["rejected_by_reason"] == {"duplicate_in_file": 1}
    emails = [lead.email for lead in _leads(database, upload)]
    assert emails == ["ann@acme.io", "bo@beta.io", "cy@gamma.io", "di@delta.io"]


def test_phone_numbers_mangled_by_spreadsheets(client, vendor, database):
    content = (
        b"Name,Phone,Email,Company,Country\n"
        b"Ann Lee,4.15555E+09,,Acme,US\n"  # digits lost: the only contact, so rejected
        b"Bo Kim,4.15555E+09,bo@beta.io,Beta,US\n"  # digits lost: kept with its email
        b"Cy Day,4155552671.0,,Gamma,US\n"  # a float: the number is all there
        b"Di Eck,4.155552672E+09,,Delta,US\n"  # every digit still written out
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert (upload["accepted"], upload["accepted_with_warnings"], upload["rejected"]) == (2, 1, 1)
    assert upload["rejected_by_reason"] == {"invalid_phone": 1}
    [ann] = _report(client, vendor, upload)[1:]
    assert ann[-1] == (
        "A spreadsheet turned the phone number into 4.15555E+09 and lost its last digits; "
        "format the column as text and export it again. It was dropped."
    )
    bo, cy, di = _leads(database, upload)
    assert (bo.email, bo.phone) == ("bo@beta.io", None)
    assert (cy.phone, di.phone) == ("+14155552671", "+14155552672")


def test_rows_without_their_trailing_empty_cells_are_imported(client, vendor):
    content = b"Email,Name,Company,Notes,Source\na@x.io,Ann Lee,Acme\nb@y.io,Bo Kim,Beta\nc@z.io,Cy Day,Co,hi\n"
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert (upload["accepted"], upload["rejected"]) == (3, 0)


def test_a_short_rejected_row_keeps_its_reasons_under_their_heading(client, vendor):
    # A stray one-cell line used to put its row number under "Last Name" and its reasons
    # under "Email" in the error report: a spreadsheet showed them in the wrong columns.
    content = b"First Name;Last Name;Email;Company\nAnn;Lee;ann@acme.io;Acme\nJunk\n"
    upload = _process(client, vendor, _upload(client, vendor, content))
    header, row = _report(client, vendor, upload)
    assert len(row) == len(header) == 6
    assert row[:4] == ["Junk", "", "", ""] and row[4] == "2"
    assert "email" in row[5].lower()


def test_a_long_rejected_row_keeps_its_extra_cells_after_the_reasons(client, vendor):
    content = b"First Name;Last Name;Email;Company\nAnn;Lee;ann@acme.io;Acme\nBo;Kim;bo@;Beta;x;y\n"
    upload = _process(client, vendor, _upload(client, vendor, content))
    header, row = _report(client, vendor, upload)
    assert header[4:] == ["row_number", "rejection_reasons"]
    assert row[:5] == ["Bo", "Kim", "bo@", "Beta", "2"]
    assert "cells" in row[5] and row[6:] == ["x", "y"]


def test_formula_looking_text_is_kept_as_typed(client, vendor, database):
    """The spec stores such cells as text and neutralises them in the platform's CSV exports;
    a company called "-Kinetic" or a note "=see CRM" is not a reason to drop a lead."""
    content = (
        b"First Name,Last Name,Email,Company,Notes\n"
        b"Ann,Lee,ann@acme.io,-Kinetic,=see CRM\n"
        b"Bo,Kim,bo@beta.io,@Beta,+1 for follow-up\n"
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert upload["rejected"] == 0
    stored = [(lead.company_name, lead.description) for lead in _leads(database, upload)]
    assert stored == [("-Kinetic", "=see CRM"), ("@Beta", "+1 for follow-up")]


def test_excel_separator_hint_line_is_neither_header_nor_data(client, vendor, database):
    content = b"sep=;\r\nFirst Name;Last Name;Email;Company\r\nAnn;Lee;ann@acme.io;Acme\r\n"
    created = _upload(client, vendor, content)
    assert created["columns"] == ["First Name", "Last Name", "Email", "Company"]
    upload = _process(client, vendor, created)
    assert (upload["rows_total"], upload["rejected"]) == (1, 0)
    [ann] = _leads(database, upload)
    assert (ann.contact_first_name, ann.email) == ("Ann", "ann@acme.io")


def test_quoted_cells_after_a_space_lose_their_quotes(client, vendor, database):
    content = b'First Name, Last Name, Email, Company\n"Bo", "Kim", "bo@beta.io", "Beta Labs"\n'
    created = _upload(client, vendor, content)
    assert created["columns"] == ["First Name", "Last Name", "Email", "Company"]
    upload = _process(client, vendor, created)
    assert upload["rejected"] == 0
    [bo] = _leads(database, upload)
    assert (bo.contact_last_name, bo.email, bo.company_name) == ("Kim", "bo@beta.io", "Beta Labs")


def test_a_quoted_company_holding_a_comma_after_a_space_stays_one_cell(client, vendor, database):
    content = (
        b"First Name, Last Name, Email, Company\n"
        b'Bo, Kim, bo@beta.io, "Beta, Inc."\n'
        b'Ann, Lee, ann@acme.io, "Acme Labs"\n'
        b'Cy, Ng, cy@gamma.io, "Gamma, Ltd.",\n'
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert upload["rejected"] == 0
    companies = [lead.company_name for lead in _leads(database, upload)]
    assert companies == ["Beta, Inc.", "Acme Labs", "Gamma, Ltd."]


def test_a_sales_navigator_location_gives_city_region_and_country(client, vendor, database):
    content = (
        b"Full Name,Job Title,Company,Email,Phone,Location\n"
        b'Ann Lee,CTO,Acme,ann@acme.io,(512) 555-0147,"Austin, Texas, United States"\n'
        b'Bo Kim,CFO,Beta,bo@beta.io,020 7946 0958,"London, United Kingdom"\n'
    )
    created = _upload(client, vendor, content)
    assert _suggested(created)["Location"] == "location"
    upload = _process(client, vendor, created)
    assert upload["rejected"] == 0
    assert [
        (lead.city, lead.region, lead.country, lead.phone) for lead in _leads(database, upload)
    ] == [
        ("Austin", "Texas", "US", "+15125550147"),
        ("London", None, "GB", "+442079460958"),
    ]


def test_a_stray_quote_after_a_space_does_not_swallow_the_rows_after_it(client, vendor):
    content = (
        b"Name, Title, Email, Company\n"
        b'Ann, "The Boss, ann@x.io, Acme\n'
        b"Bob, CTO, bob@x.io, Beta\n"
        b"Cy, CEO, cy@x.io, Gamma\n"
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert upload["rows_total"] == 3
    assert upload["accepted"] + upload["accepted_with_warnings"] == 3


def test_a_phone_extension_that_cannot_be_stored_is_reported(client, vendor, database):
    content = b"Name,Phone,Company\nAnn Lee,(415) 555-2671 ext. 204,Acme\n"
    upload = _process(client, vendor, _upload(client, vendor, content), default_country="US")
    assert upload["accepted_with_warnings"] == 1
    [ann] = _leads(database, upload)
    assert ann.phone == "+14155552671"
    normalisation = next(s for s in ann.validation_report if s["stage"] == "normalisation")
    [reason] = [r for r in normalisation["reasons"] if r["code"] == "phone_extension_dropped"]
    assert "204" in reason["message"]
    assert reason["field"] == "phone"


def test_surnames_that_look_like_placeholders_are_kept(client, vendor, database):
    content = (
        b"First Name,Last Name,Email,Company\n"
        b"Carl,Null,carl@acme.io,Acme\n"
        b"Min-jun,Na,minjun@beta.kr,Beta\n"
        b"Bo,N/A,bo@gamma.io,Gamma\n"  # a placeholder
        b"Cy,NULL,cy@delta.io,Delta\n"  # an export's empty value
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    surnames = [lead.contact_last_name for lead in _leads(database, upload)]
    assert surnames == ["Null", "Na", None, None]


def test_several_emails_in_one_cell_get_a_reason_that_says_so(client, vendor):
    content = (
        b"Name,Email,Company\n"
        b"Ann Lee,ann@acme.io; bob@acme.io,Acme\n"
        b'Cy Day,"Cy Day <cy@gamma.io>, Di Eck <di@gamma.io>",Gamma\n'
    )
    upload = _process(client, vendor, _upload(client, vendor, content))
    assert upload["rejected_by_reason"] == {"invalid_email": 2}
    for row in _report(client, vendor, upload)[1:]:
        assert row[-1] == (
            "The email address is not valid and was dropped: "
            "the cell holds more than one address; keep one per row."
        )
