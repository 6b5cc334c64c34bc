from __future__ import annotations

import pytest

from leadnexus.leads.ingest.mapping import CANONICAL_FIELDS, normalise_header, suggest_mapping


def mapped(headers: list[str], rows: list[list[str]] | None = None) -> dict[str, str | None]:
    return {s.column: s.field for s in suggest_mapping(headers, rows or [])}


def test_canonical_fields_are_the_agreed_names():
    assert len(CANONICAL_FIELDS) == 22
    assert {"full_name", "location", "title", "consent_date"} <= set(CANONICAL_FIELDS)


@pytest.mark.parametrize(
    ("header", "normalised"),
    [
        ("E-mail Address", "email address"),
        ("Phone #", "phone number"),
        ("firstName", "first name"),
        ("COMPANY_NAME", "company name"),
        ("State/Province", "state province"),
    ],
)
def test_header_normalisation(header, normalised):
    assert normalise_header(header) == normalised


def test_hubspot_export():
    headers = [
        "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
        "Job Title", "Company Name", "Website URL", "Industry", "Number of Employees",
        "Annual Revenue", "City", "State/Region", "Country/Region", "Postal Code",
        "Lead Status", "Marketing contact status",
    ]  # fmt: skip
    assert mapped(headers) == {
        "Record ID": None,
        "First Name": "first_name",
        "Last Name": "last_name",
        "Email": "email",
        "Phone Number": "phone",
        "Mobile Phone Number": None,  # phone already taken by the more confident column
        "Job Title": "job_title",
        "Company Name": "company_name",
        "Website URL": "website",
        "Industry": "industry",
        "Number of Employees": "company_size",
        "Annual Revenue": "annual_revenue",
        "City": "city",
        "State/Region": "region",
        "Country/Region": "country",
        "Postal Code": None,
        "Lead Status": None,
        "Marketing contact status": None,
    }


def test_salesforce_export():
    headers = [
        "Salutation", "First Name", "Last Name", "Title", "Company / Account", "Email",
        "Phone", "Mobile", "Lead Source", "No. of Employees", "Zip/Postal Code",
        "State/Province", "Email Opt Out", "Description", "Lead Owner",
    ]  # fmt: skip
    result = mapped(headers)
    assert result["Title"] == "job_title"
    assert result["Company / Account"] == "company_name"
    assert result["Phone"] == "phone"
    assert result["Mobile"] is None
    assert result["No. of Employees"] == "company_size"
    assert result["State/Province"] == "region"
    assert result["Email"] == "email"
    assert result["Email Opt Out"] is None
    assert result["Lead Source"] is None
    assert result["Description"] == "description"
    assert result["Zip/Postal Code"] is None


def test_apollo_export():
    headers = [
        "First Name", "Last Name", "Title", "Company", "Email", "Email Status", "Seniority",
        "Departments", "Work Direct Phone", "Corporate Phone", "# Employees", "Industry",
        "Person Linkedin Url", "Website", "Company Linkedin Url", "City", "State", "Country",
        "Company City", "Company Country", "Email Confidence", "Primary Email Source",
    ]  # fmt: skip
    result = mapped(headers)
    assert result["Work Direct Phone"] == "phone"
    assert result["Corporate Phone"] is None
    assert result["# Employees"] == "company_size"
    assert result["Person Linkedin Url"] == "linkedin_url"
    assert result["Company Linkedin Url"] is None
    assert result["Departments"] == "department"
    assert result["Seniority"] == "seniority"
    assert (result["City"], result["Company City"]) == ("city", None)
    assert (result["Country"], result["Company Country"]) == ("country", None)
    assert result["Email Status"] is None
    assert result["Email Confidence"] is None
    assert result["Primary Email Source"] is None


def test_sales_navigator_export():
    headers = ["Full Name", "Job Title", "Company", "Profile URL", "Location", "Headline"]
    rows = [
        ["Ann Lee", "CTO", "Acme", "https://www.linkedin.com/in/annlee", "Berlin, Germany", "Tech"]
    ]
    result = mapped(headers, rows)
    assert result == {
        "Full Name": "full_name",
        "Job Title": "job_title",
        "Company": "company_name",
        "Profile URL": "linkedin_url",
        "Location": "location",
        "Headline": "title",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("E-mail Address", "email"),
        ("Work Email", "email"),
        ("Email Address", "email"),
        ("Phone #", "phone"),
        ("Tel", "phone"),
        ("Direct Dial", "phone"),
        ("Org", "company_name"),
        ("Organisation", "company_name"),
        ("Account Name", "company_name"),
        ("Position", "job_title"),
        ("Role", "job_title"),
        ("Name", "full_name"),
        ("Contact", "full_name"),
        ("Province", "region"),
        ("Headcount", "company_size"),
        ("Company Size", "company_size"),
        ("Revenue", "annual_revenue"),
        ("LinkedIn", "linkedin_url"),
        ("LinkedIn Profile", "linkedin_url"),
        ("Domain", "website"),
        ("URL", "website"),
        ("Web", "website"),
        ("Comments", "description"),
        ("Lead Title", "title"),
        ("Zip", None),
        ("Contact Email", "email"),
        ("Email 2", "email"),
        ("Compnay Name", "company_name"),
    ],
)
def test_single_header(header, field):
    assert mapped([header])[header] == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Email consent", None),
        ("Email opt-in", None),
        ("Phone type", None),
        ("Email Verified", None),
        ("Unsubscribed from all email", None),
        ("Email consent source", "consent_source"),
        ("Email opt-in date", "consent_date"),
    ],
)
def test_columns_about_the_contact_are_not_the_contact(header, field):
    rows = [["yes"], ["no"]]
    assert mapped([header], rows)[header] == field


def test_emails_in_an_unnamed_column_are_found_by_content():
    headers = ["Col1", "Col2", "Col3"]
    rows = [["Ann", "Acme", "ann@acme.io"], ["Bo", "Beta", "bo@beta.io"], ["Cy", "Co", ""]]
    col3 = suggest_mapping(headers, rows)[2]
    assert (col3.field, col3.method) == ("email", "content")
    assert 0.5 < col3.confidence < 1.0
    assert col3.samples == ["ann@acme.io", "bo@beta.io"]


def test_content_finds_phones_linkedin_websites_and_countries():
    headers = ["c1", "c2", "c3", "c4"]
    rows = [
        ["+44 20 7946 0958", "https://linkedin.com/in/ann", "www.acme.io", "Germany"],
        ["(415) 555-2671", "linkedin.com/in/bo", "https://beta.co.uk/x", "US"],
    ]
    assert [s.field for s in suggest_mapping(headers, rows)] == [
        "phone",
        "linkedin_url",
        "website",
        "country",
    ]


def test_bare_digit_ids_are_not_taken_for_phones():
    assert mapped(["Ref"], [["4155552671"], ["4155552672"]])["Ref"] is None


def test_agreeing_content_raises_and_contradicting_content_lowers_confidence():
    agree = suggest_mapping(["Email Address"], [["a@x.io"], ["b@y.io"]])[0]
    plain = suggest_mapping(["Email Address"], [])[0]
    contradict = suggest_mapping(["Email Address"], [["yes"], ["no"]])[0]
    assert agree.confidence > plain.confidence > contradict.confidence
    assert contradict.field == "email"


def test_header_contradicted_by_clear_content_follows_the_content():
    suggestion = suggest_mapping(["Phone"], [["ann@acme.io"], ["bo@beta.io"]])[0]
    assert (suggestion.field, suggestion.method) == ("email", "content")


def test_each_field_goes_to_one_column_highest_confidence_first():
    result = suggest_mapping(["Mobile", "Phone", "Company Phone"], [])
    assert [(s.field, s.method) for s in result] == [
        (None, "none"),
        ("phone", "exact"),
        (None, "none"),
    ]
    assert result[0].confidence == 0.0


def test_ragged_sample_rows_and_empty_headers_do_not_break_it():
    result = suggest_mapping(["Email", "", "Notes"], [["a@x.io"], []])
    assert [s.index for s in result] == [0, 1, 2]
    assert result[1].field is None


@pytest.mark.parametrize(
    "header",
    ["Port", "Sort", "Posted", "Norm", "Noms", "Branch", "Hand", "Allocation", "Relocation"],
)
def test_headers_a_letter_from_an_exact_only_word_stay_unmapped(header):
    [suggestion] = suggest_mapping([header], [])
    assert suggestion.field is None


def test_german_excel_export():
    headers = ["Vorname", "Nachname", "E-Mail", "Telefon", "Firma", "Ort", "Land", "Umsatz"]
    fields = [s.field for s in suggest_mapping(headers, [])]
    assert fields == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "company_name",
        "city",
        "country",
        "annual_revenue",
    ]
