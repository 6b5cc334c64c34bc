"""Property tests: nothing a vendor puts in a file makes the pipeline raise."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadnexus.leads.ingest.mapping import CANONICAL_FIELDS, suggest_mapping
from leadnexus.leads.ingest.reader import CsvFormatError, iter_rows, read_sample, sniff
from leadnexus.leads.scoring.score import score_lead
from leadnexus.leads.validation import taxonomy
from leadnexus.leads.validation.normalisation import (
    normalise_company_size,
    normalise_linkedin,
    normalise_website,
    parse_date,
    smart_case_name,
)
from leadnexus.leads.validation.pipeline import FileDefaults, run_row_stages
from leadnexus.leads.validation.places import normalise_country, split_location
from leadnexus.leads.validation.required import clean, split_full_name

csv_like = st.lists(
    st.sampled_from(
        [b",", b";", b"\t", b"|", b'"', b'"", "', b"\n", b"\r\n", b"a", b"\xc3\xa9", b"\xff"]
    )
    | st.binary(max_size=20),
    max_size=60,
).map(b"".join)


def _read_everything(data: bytes, sample_bytes: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "f.csv"
        path.write_bytes(data)
        try:
            layout = sniff(path, sample_bytes=sample_bytes)
        except CsvFormatError as error:
            code = error.code
        else:
            code = None
        assert code in {
            None,
            "empty_file",
            "binary_file",
            "no_header",
            "header_only",
            "not_delimited",
            "encoding_unknown",
        }
        if code is not None:
            return
        read_sample(path, layout)
        for row in iter_rows(path, layout):
            assert row.number >= 1
            assert row.problem in {None, "ragged_row", "cell_too_large", "malformed_row"}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | csv_like, st.integers(min_value=1, max_value=512))
def test_reader_only_raises_csv_format_error(data, sample_bytes):
    _read_everything(data, sample_bytes)


@settings(max_examples=200)
@given(st.text(max_size=300), st.integers(min_value=1, max_value=512))
def test_reader_survives_arbitrary_text(text, sample_bytes):
    _read_everything(text.encode("utf-8", "surrogatepass"), sample_bytes)


@given(
    st.lists(st.text(max_size=40), max_size=8),
    st.lists(st.lists(st.text(max_size=40), max_size=8), max_size=5),
)
def test_suggest_mapping_never_raises(headers, rows):
    suggestions = suggest_mapping(headers, rows)
    assert len(suggestions) == len(headers)
    fields = [s.field for s in suggestions if s.field]
    assert len(fields) == len(set(fields))
    assert all(0.0 <= s.confidence <= 1.0 for s in suggestions)


@given(st.text(max_size=300))
def test_normalisers_never_raise(value):
    smart_case_name(value)
    split_full_name(value)
    split_location(value)
    clean(value)
    normalise_country(value)
    normalise_website(value)
    normalise_linkedin(value)
    normalise_company_size(value)
    parse_date(value)
    parse_date(value, month_first=True)
    taxonomy.match_industry(value)
    taxonomy.match_seniority(value)
    taxonomy.match_department(value)
    taxonomy.seniority_from_title(value)
    taxonomy.department_from_title(value)


row_values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["+44 20 7946 0958", "a@b.co", "N/A", "https://x.io", "51-200", "USA"]),
)


@settings(max_examples=300)
@given(
    st.dictionaries(st.sampled_from(CANONICAL_FIELDS), row_values),
    st.builds(
        FileDefaults,
        industry=st.none() | st.text(max_size=30),
        default_country=st.none() | st.sampled_from(["US", "DE", "xx", ""]) | st.text(max_size=3),
        consent_source=st.none() | st.text(max_size=30),
    ),
)
def test_run_row_stages_never_raises(raw, defaults):
    outcome = run_row_stages(raw, defaults)
    assert [s.stage for s in outcome.stages] == [
        "required",
        "normalisation",
        "validity",
        "risk",
        "deliverability",
    ]
    assert outcome.rejected == any(s.status == "fail" for s in outcome.stages)
    title = outcome.fields["title"]
    assert title is None or len(title) <= 200 or raw.get("title")
    result = score_lead(outcome, duplicate_in_marketplace=False, age_days=10)
    assert 0.0 <= result.value <= 1.0
