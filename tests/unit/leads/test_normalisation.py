from __future__ import annotations

from datetime import date

import pytest

from leadnexus.leads.validation import taxonomy
from leadnexus.leads.validation.normalisation import (
    normalise_company_size,
    normalise_linkedin,
    normalise_website,
    parse_date,
    registrable_domain,
    smart_case_name,
)
from leadnexus.leads.validation.pipeline import FileDefaults, run_row_stages
from leadnexus.leads.validation.places import normalise_country, split_location
from leadnexus.leads.validation.required import clean, split_full_name

BASE = {"first_name": "Ann", "company_name": "Acme"}


def fields(raw: dict[str, str], defaults: FileDefaults | None = None) -> dict[str, str | None]:
    return run_row_stages(BASE | raw, defaults or FileDefaults()).fields


@pytest.mark.parametrize(
    ("raw", "country", "e164"),
    [
        ("+44 20 7946 0958", None, "+442079460958"),
        ("(415) 555-2671", "US", "+14155552671"),
        ("0151 12345678", "DE", "+4915112345678"),
        ("0049 151 12345678", "DE", "+4915112345678"),
    ],
)
def test_phone_to_e164_with_file_default_country(raw, country, e164):
    assert fields({"phone": raw}, FileDefaults(default_country=country))["phone"] == e164


def test_row_country_beats_the_file_default_for_phones():
    result = fields({"phone": "020 7946 0958", "country": "UK"}, FileDefaults(default_country="US"))
    assert result["phone"] == "+442079460958"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("USA", "US"),
        ("United States", "US"),
        ("us", "US"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Deutschland", "DE"),
        ("DEU", "DE"),
        ("Österreich", "AT"),
        ("Bolivia", "BO"),
        ("Korea, Republic of", "KR"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_countries(value, code):
    assert normalise_country(value) == code


@pytest.mark.parametrize(
    ("value", "domain"),
    [
        ("https://www.shop.example.co.uk/path", "example.co.uk"),
        ("www.acme.com", "acme.com"),
        ("acme.io/contact?x=1", "acme.io"),
        ("HTTP://WWW.ACME.COM", "acme.com"),
        ("https://bücher.de", "bücher.de"),
        ("not a website", None),
        ("localhost", None),
        ("ftp://acme.com", None),
        ("http://", None),
    ],
)
def test_websites_become_registrable_domains(value, domain):
    assert normalise_website(value) == domain


def test_email_is_lowercased_with_idna_domain_and_registrable_domain():
    result = run_row_stages(BASE | {"email": "Ann.Lee@Mail.Acme.CO.UK "}, FileDefaults())
    assert result.fields["email"] == "ann.lee@mail.acme.co.uk"
    assert registrable_domain("mail.acme.co.uk") == "acme.co.uk"


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("linkedin.com/in/ann-lee-123/", "https://www.linkedin.com/in/ann-lee-123"),
        ("https://de.linkedin.com/in/jörg?trk=x", "https://www.linkedin.com/in/jörg"),
        ("https://www.linkedin.com/company/acme", None),
        ("ann lee", None),
    ],
)
def test_linkedin_urls(value, url):
    assert normalise_linkedin(value) == url


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("JOHN", "John"),
        ("mcdonald", "McDonald"),
        ("O'NEIL", "O'Neil"),
        ("anne-marie", "Anne-Marie"),
        ("zoë", "Zoë"),
        ("van der berg", "Van der Berg"),
        ("JAN VAN DER BERG", "Jan van der Berg"),
        ("McDonald", "McDonald"),
        ("DeVito", "DeVito"),
        ("le Carré", "le Carré"),  # mixed case is the vendor's choice
    ],
)
def test_smart_name_case(value, name):
    assert smart_case_name(value) == name


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("John Smith", ("John", "Smith")),
        ("Smith, John", ("John", "Smith")),
        ("Dr. John Smith Jr.", ("John", "Smith")),
        ("Mary Ann van der Berg", ("Mary Ann", "van der Berg")),
        ("Cher", ("Cher", None)),
        ("Mr.", (None, None)),
    ],
)
def test_full_name_split(full, parts):
    assert split_full_name(full) == parts


def test_full_name_fills_first_and_last():
    result = run_row_stages({"full_name": "ANNA SCHMIDT", "company_name": "X"}, FileDefaults())
    assert (result.fields["first_name"], result.fields["last_name"]) == ("Anna", "Schmidt")


@pytest.mark.parametrize(
    ("location", "parts"),
    [
        ("Austin, Texas, United States", ("Austin", "Texas", "United States")),
        ("London, United Kingdom", ("London", None, "United Kingdom")),
        ("Austin, TX, USA", ("Austin", "TX", "USA")),
        ("San Francisco, CA", ("San Francisco", "CA", None)),  # California, not Canada
        ("Dover, DE", ("Dover", "DE", None)),  # Delaware, not Germany
        ("Lagos, NG", ("Lagos", None, "NG")),  # no state is NG: Nigeria
        ("Fort Wayne, Allen County, IN", ("Fort Wayne", "IN", None)),  # Indiana, not India
        ("Fort Wayne, Ind.", ("Fort Wayne", "Ind.", None)),  # not IND, India
        ("Atlanta, Georgia", ("Atlanta", "Georgia", None)),  # the state
        ("Germany", (None, None, "Germany")),
        ("Korea, Republic of", (None, None, "Korea, Republic of")),
        ("Seoul, Korea, Republic of", ("Seoul", None, "Korea, Republic of")),
        ("Texas, United States", (None, "Texas", "United States")),
        ("England, United Kingdom", (None, "England", "United Kingdom")),
        ("Paris, France", ("Paris", None, "France")),  # a region called Paris too: the city
        ("Monaco, Monaco", ("Monaco", None, "Monaco")),
        ("Greater Boston", ("Greater Boston", None, None)),
        ("Remote, United States", (None, None, "United States")),
        ("EMEA", (None, None, None)),
        ("Orange County, CA", ("Orange County", "CA", None)),
        ("1 Main St, Springfield, IL, USA", ("Springfield", "IL", "USA")),
        (" , Paris ,, France ", ("Paris", None, "France")),
    ],
)
def test_location_split(location, parts):
    assert split_location(location) == parts


def test_a_location_fills_what_the_file_does_not_give_apart():
    result = fields({"location": "Austin, Texas, United States", "phone": "(415) 555-2671"})
    assert (result["city"], result["region"], result["country"]) == ("Austin", "Texas", "US")
    assert result["phone"] == "+14155552671"  # the location's country read the phone
    given = fields({"location": "Austin, Texas, United States", "city": "Dallas", "country": "CA"})
    assert (given["city"], given["region"], given["country"]) == ("Dallas", "Texas", "CA")


@pytest.mark.parametrize(
    ("location", "phone"),
    [("Atlanta, Georgia", "+14045550147"), ("Fort Wayne, Allen County, IN", "+12605550147")],
)
def test_a_us_state_in_a_location_does_not_send_the_phone_abroad(location, phone):
    number = phone.removeprefix("+1")
    raw = {"location": location, "phone": f"({number[:3]}) {number[3:6]}-{number[6:]}"}
    result = fields(raw, FileDefaults(default_country="US"))
    assert result["country"] == "US"  # the file's default, not Georgia's or India's
    assert result["phone"] == phone


def test_a_location_part_too_long_for_its_column_is_left_out_with_a_warning():
    result = run_row_stages(BASE | {"location": f"{'x' * 150}, Germany"}, FileDefaults())
    assert (result.fields["city"], result.fields["country"]) == (None, "DE")
    assert "location_unsplit" in {
        reason.code for stage in result.stages for reason in stage.reasons
    }


@pytest.mark.parametrize("placeholder", ["N/A", " - ", "null", "NONE", "#N/A", "   "])
def test_placeholders_are_empty(placeholder):
    assert clean(placeholder) is None


def test_clean_removes_control_characters_and_collapses_space():
    assert clean("  Ann\x00 \t Lee\n ") == "Ann Lee"
    assert clean("line one\nline two\x07", multiline=True) == "line one\nline two"


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [("'+44 20 7946 0958", "+44 20 7946 0958"), ("'0049 30", "0049 30"), ("'-", None)],
)
def test_the_spreadsheet_text_marker_is_not_part_of_the_value(value, cleaned):
    assert clean(value) == cleaned


def test_an_apostrophe_that_belongs_to_the_name_is_kept():
    assert clean("'t Hooft") == "'t Hooft"


@pytest.mark.parametrize(
    ("value", "sector"),
    [
        ("Computer Software", "Software"),
        ("SaaS", "Software"),
        ("Information Technology & Services", "IT Services"),
        ("hospital & health care", "Healthcare"),
        ("Biotechnology", "Pharmaceuticals & Biotech"),
        ("Marketing and Advertising", "Marketing & Advertising"),
        ("Logistics & Supply Chain", "Transportation & Logistics"),
        ("Finacial Services", "Financial Services"),  # typo, fuzzy
        ("Underwater basket weaving", None),
    ],
)
def test_industries(value, sector):
    assert taxonomy.match_industry(value) == sector


def test_industry_default_and_unmapped_warning():
    assert fields({}, FileDefaults(industry="fintech"))["industry"] == "Financial Services"
    outcome = run_row_stages(BASE | {"industry": "Basket weaving"}, FileDefaults())
    normalisation = outcome.stages[1]
    assert outcome.fields["industry"] is None
    assert normalisation.status == "warn"
    assert [r.code for r in normalisation.reasons] == ["industry_unmapped"]


def test_taxonomy_size():
    assert 24 <= len(taxonomy.INDUSTRIES) <= 30


@pytest.mark.parametrize(
    ("title", "seniority", "department"),
    [
        ("Chief Revenue Officer", "C-level", "Sales"),
        ("CEO & Founder", "C-level", "Executive"),
        ("VP Sales", "VP", "Sales"),
        ("Vice President of Marketing", "VP", "Marketing"),
        ("Head of Marketing", "Director", "Marketing"),
        ("Director of Engineering", "Director", "Engineering"),
        ("Sales Manager", "Manager", "Sales"),
        ("Account Executive", "Individual contributor", "Sales"),
        ("Software Engineer", "Individual contributor", "Engineering"),
        ("Product Owner", "Individual contributor", "Product"),
        ("Channel Partner Manager", "Manager", "Other"),
        ("HR Business Partner", "Individual contributor", "HR"),
        ("Head of IT", "Director", "IT"),
        ("Controller", "Individual contributor", "Finance"),
        ("General Counsel", "Individual contributor", "Legal"),
        ("Customer Success Manager", "Manager", "Customer Success"),
        ("Barista", "Individual contributor", "Other"),
        # German, French and Spanish titles, compounds included.
        ("Geschäftsführer", "C-level", "Executive"),
        ("Vertriebsleiterin", "Manager", "Sales"),
        ("Leiter Einkauf", "Manager", "Operations"),
        ("Bereichsleiter Finanzen", "Director", "Finance"),
        ("Softwareentwickler", "Individual contributor", "Engineering"),
        ("Personalreferentin", "Individual contributor", "HR"),
        ("Directeur Général", "C-level", "Executive"),
        ("Directrice Commerciale", "Director", "Sales"),
        ("Responsable Ressources Humaines", "Manager", "HR"),
        ("Gerente de Ventas", "Manager", "Sales"),
        ("Jefa de Contabilidad", "Manager", "Finance"),
        ("Abogado", "Individual contributor", "Legal"),
        ("Vice Presidente de Ventas", "VP", "Sales"),
        ("Vorstandsassistentin", "Individual contributor", "Executive"),
        ("Personalentwickler", "Individual contributor", "HR"),
        # English titles that share words with those rules keep their English reading.
        ("Commercial Pilot", "Individual contributor", "Other"),
        ("Commercial Banker", "Individual contributor", "Other"),
        ("Information Specialist", "Individual contributor", "Other"),
        ("Communication Disorders Specialist", "Individual contributor", "Other"),
        ("Chef de Cuisine", "Individual contributor", "Other"),
        ("Store Manager, RH", "Manager", "Other"),
        ("Reisebegleiter", "Individual contributor", "Other"),
    ],
)
def test_seniority_and_department_from_title(title, seniority, department):
    result = fields({"job_title": title})
    assert (result["seniority"], result["department"]) == (seniority, department)


def test_given_seniority_and_department_win_over_the_title():
    result = fields({"job_title": "Sales Manager", "seniority": "c_suite", "department": "People"})
    assert (result["seniority"], result["department"]) == ("C-level", "HR")


def test_unrecognised_given_seniority_warns_and_falls_back_to_the_title():
    outcome = run_row_stages(
        BASE | {"job_title": "VP Sales", "seniority": "galactic"}, FileDefaults()
    )
    assert outcome.fields["seniority"] == "VP"
    assert "seniority_unmapped" in {r.code for r in outcome.stages[1].reasons}


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("7", "1-10"),
        ("2-10", "1-10"),
        ("10-50", "11-50"),
        ("51-200 employees", "51-200"),
        ("1,001-5,000", "1001-5000"),
        ("1.000-5.000", "1001-5000"),
        ("501-1000", "501-1000"),
        ("10,001+", "5001+"),
        ("10k+", "5001+"),
        ("1.5k", "1001-5000"),
        ("Self-employed", "1-10"),
        ("201-500", "201-500"),
        ("lots", None),
    ],
)
def test_company_size_bands(value, band):
    assert normalise_company_size(value) == band


@pytest.mark.parametrize(
    ("value", "month_first", "parsed"),
    [
        ("2025-03-04", False, date(2025, 3, 4)),
        ("2025-03-04T10:00:00Z", False, date(2025, 3, 4)),
        ("04.03.2025", True, date(2025, 3, 4)),
        ("04/03/2025", False, date(2025, 3, 4)),
        ("03/04/2025", True, date(2025, 3, 4)),
        ("25/03/2025", True, date(2025, 3, 25)),
        ("03/25/2025", False, date(2025, 3, 25)),
        ("2025/03/04", False, date(2025, 3, 4)),
        ("4 March 2025", False, date(2025, 3, 4)),
        ("Mar 4, 2025", False, date(2025, 3, 4)),
        ("04-Mar-25", False, date(2025, 3, 4)),
        ("31/02/2025", False, None),
        ("soon", False, None),
    ],
)
def test_dates(value, month_first, parsed):
    assert parse_date(value, month_first=month_first) == parsed


def test_consent_date_is_iso_and_bad_dates_warn():
    today = date(2025, 6, 1)
    ok = run_row_stages(BASE | {"consent_date": "1 May 2025"}, FileDefaults(), today=today)
    assert ok.fields["consent_date"] == "2025-05-01"
    future = run_row_stages(BASE | {"consent_date": "2026-01-01"}, FileDefaults(), today=today)
    bad = run_row_stages(BASE | {"consent_date": "yesterday"}, FileDefaults(), today=today)
    assert future.fields["consent_date"] is None
    assert [r.code for r in future.stages[1].reasons] == ["consent_date_in_future"]
    assert [r.code for r in bad.stages[1].reasons] == ["consent_date_unparseable"]


def test_consent_source_default():
    assert fields({}, FileDefaults(consent_source="Webinar 2025"))["consent_source"] == (
        "Webinar 2025"
    )
    assert (
        fields({"consent_source": "Form"}, FileDefaults(consent_source="X"))["consent_source"]
        == "Form"
    )
