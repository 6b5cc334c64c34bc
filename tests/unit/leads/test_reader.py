from __future__ import annotations

import csv
from pathlib import Path

import pytest

from leadnexus.leads.ingest.reader import (
    MAX_CELL_BYTES,
    CsvFormatError,
    CsvLayout,
    iter_rows,
    read_sample,
    sniff,
)


def write(tmp_path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / "upload.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def error_code(path: Path) -> str:
    with pytest.raises(CsvFormatError) as caught:
        sniff(path)
    assert caught.value.message
    return caught.value.code


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encoding_is_detected_and_names_survive(tmp_path, encoding):
    path = write(tmp_path, "Name,Email\nJörg Müller,j@x.de\nZoë Brandt,z@x.de\n", encoding)
    layout = sniff(path)
    assert layout.encoding == encoding
    assert layout.headers == ["Name", "Email"]
    assert [row.cells[0] for row in iter_rows(path, layout)] == ["Jörg Müller", "Zoë Brandt"]


def test_latin1_only_bytes_fall_back_to_latin1(tmp_path):
    # 0x81 is undefined in cp1252, so only latin-1 can decode this file.
    path = write(tmp_path, b"Name,Email\nA\x81b,a@x.de\n")
    assert sniff(path).encoding == "latin-1"


@pytest.mark.parametrize(
    ("delimiter", "text"),
    [
        (";", "Vorname;Nachname;Umsatz\nJörg;Müller;1,5\nAnna;Schmidt;2,25\n"),
        ("\t", "First\tLast\tNotes\nAnn\tLee\tlikes, commas\nBo\tKim\ta, b, c\n"),
        ("|", "First|Last|Email\nAnn|Lee|a@x.io\n"),
        (",", 'First,Last,Notes\nAnn,Lee,"semi; colons; here"\nBo,Kim,"one; two"\n'),
    ],
)
def test_delimiter_detection(tmp_path, delimiter, text):
    layout = sniff(write(tmp_path, text))
    assert layout.delimiter == delimiter
    assert len(layout.headers) == 3 or delimiter == "|"


def test_semicolon_file_in_cp1252(tmp_path):
    path = write(tmp_path, "Name;Firma\nMüller;Bäckerei GmbH\n", "cp1252")
    layout = sniff(path)
    assert (layout.encoding, layout.delimiter) == ("cp1252", ";")
    assert next(iter_rows(path, layout)).cells == ["Müller", "Bäckerei GmbH"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\n\n  \r\n", "empty_file"),
        (b"\xef\xbb\xbf", "empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary_file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary_file"),
        ("a,b\n1,2\n".encode("utf-16"), "encoding_unknown"),
        (b"Name,Email\n", "header_only"),
        (("Name,City\n" + "山田太郎,東京都港区\n" * 5).encode("shift_jis"), "encoding_unknown"),
        (b"ann@x.io,Ann,Lee\nbo@x.io,Bo,Kim\n", "no_header"),
        (
            b"Dear team, this is a letter.\nIt has prose, and some commas, here and there.\n"
            b"Nothing about it is a table.\n",
            "not_delimited",
        ),
        (b"email\nann@x.io\n", "not_delimited"),
    ],
)
def test_file_level_problems(tmp_path, content, code):
    assert error_code(write(tmp_path, content)) == code


def test_duplicate_and_empty_headers_are_made_unique(tmp_path):
    layout = sniff(write(tmp_path, "Email, ,Email,email\na@x.io,,b@x.io,c@x.io\n"))
    assert layout.headers == ["Email", "Column 2", "Email (2)", "email (3)"]
    assert layout.duplicate_headers == ["Email", "email"]


def test_ragged_rows_are_flagged_and_kept(tmp_path):
    path = write(tmp_path, "A,B,C\n1,2,3\n1,2\n1,2,3,4\n5,6,7\n8,9,10\n")
    rows = list(iter_rows(path, sniff(path)))
    assert [(r.number, r.cells, r.problem) for r in rows][:3] == [
        (1, ["1", "2", "3"], None),
        (2, ["1", "2"], "ragged_row"),
        (3, ["1", "2", "3", "4"], "ragged_row"),
    ]
    assert rows[3].problem is None


def test_blank_lines_are_skipped_and_not_counted(tmp_path):
    path = write(tmp_path, "\nA,B\n\n1,2\n,\n   \n3,4\n")
    rows = list(iter_rows(path, sniff(path)))
    assert [(r.number, r.cells) for r in rows] == [(1, ["1", "2"]), (2, ["3", "4"])]


def test_quoted_newlines_stay_in_one_cell(tmp_path):
    path = write(tmp_path, 'Name,Notes\r\nAnn,"line one\r\nline two, with comma"\r\nBo,x\r\n')
    rows = list(iter_rows(path, sniff(path)))
    assert rows[0].cells == ["Ann", "line one\r\nline two, with comma"]
    assert rows[1].number == 2


def test_a_one_megabyte_cell_is_flagged_and_truncated(tmp_path):
    path = write(tmp_path, "Name,Notes\nAnn," + "x" * 1_000_000 + "\nBo,fine\n")
    rows = list(iter_rows(path, sniff(path)))
    assert rows[0].problem == "cell_too_large"
    assert len(rows[0].cells[1]) < MAX_CELL_BYTES
    assert rows[1].cells == ["Bo", "fine"] and rows[1].problem is None


def test_a_cell_over_the_csv_field_limit_is_a_malformed_row_and_reading_continues(tmp_path):
    limit = csv.field_size_limit()
    path = write(tmp_path, "A,B\n1,2\n" + "y" * (limit + 10) + ",3\n4,5\n")
    rows = list(iter_rows(path, sniff(path)))
    assert [r.problem for r in rows] == [None, "malformed_row", None]
    assert rows[2].cells == ["4", "5"]


def test_bad_bytes_after_the_sample_are_replaced_not_fatal(tmp_path):
    # UTF-8 past the ASCII sample ("Zoë"), with one damaged row: the file stays UTF-8.
    body = "Name,City\n" + "Ann,Berlin\n" * 200 + "Zoë,Zürich\nJörg,Köln\n"
    path = write(tmp_path, body.encode() + b"M\xfcller,K\xf6ln\n")
    layout = sniff(path, sample_bytes=256)
    assert layout.encoding == "utf-8"
    last = list(iter_rows(path, layout))[-1]
    assert last.cells == ["M\ufffdller", "K\ufffdln"]


def test_multibyte_character_cut_by_the_sample_is_fine(tmp_path):
    path = write(tmp_path, "Name,City\n" + "Zoë,Köln\n" * 100)
    for size in range(20, 40):
        assert sniff(path, sample_bytes=size).encoding == "utf-8"


def test_read_sample_returns_the_first_rows(tmp_path):
    path = write(tmp_path, "A,B\n" + "".join(f"{i},x\n" for i in range(100)))
    sample = read_sample(path, sniff(path), n=3)
    assert sample == [["0", "x"], ["1", "x"], ["2", "x"]]


def test_iter_rows_is_a_lazy_generator(tmp_path):
    path = write(tmp_path, "A,B\n" + "1,2\n" * 10_000)
    rows = iter_rows(path, CsvLayout("utf-8", ",", ["A", "B"], []))
    assert next(rows).number == 1  # nothing read ahead into a list
    assert sum(1 for _ in rows) == 9_999


def test_a_cp1252_file_whose_first_rows_are_ascii_is_read_as_cp1252(tmp_path):
    ascii_rows = "".join(f"user{i},user{i}@acme.com\n" for i in range(200))
    path = write(tmp_path, "Name,Email\n" + ascii_rows + "Jörg Müller,j@x.de\n", "cp1252")
    layout = sniff(path, sample_bytes=1024)
    assert layout.encoding == "cp1252"
    assert list(iter_rows(path, layout))[-1].cells == ["Jörg Müller", "j@x.de"]


def test_rows_that_leave_out_trailing_empty_cells_are_still_a_table(tmp_path):
    path = write(
        tmp_path, "Email,Name,Company,Notes\na@x.io,Ann,Acme\nb@y.io,Bo,Beta\nc@z.io,Cy,Co,hi\n"
    )
    layout = sniff(path)
    assert (layout.delimiter, layout.headers) == (",", ["Email", "Name", "Company", "Notes"])
    assert next(iter_rows(path, layout)).cells == ["a@x.io", "Ann", "Acme"]


def test_prose_with_commas_is_still_not_a_table(tmp_path):
    prose = (
        "It was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness.\nHe said, quietly, that it rained.\n"
        "The cat, the dog and the bird sat.\nNobody came, though.\nI went home, slept, and woke.\n"
    )
    assert error_code(write(tmp_path, prose)) == "not_delimited"


def test_replacement_characters_written_in_a_utf8_file_do_not_make_it_cp1252(tmp_path):
    body = "Name,City\n" + "Ann,Berlin\n" * 200 + "Unknown \ufffd\ufffd,\ufffd\nZoë,Köln\n"
    layout = sniff(write(tmp_path, body), sample_bytes=256)
    assert layout.encoding == "utf-8"


def test_one_bad_byte_after_an_ascii_sample_reads_the_file_as_cp1252(tmp_path):
    # Nothing else past the sample to go by: the byte decodes in cp1252, not in UTF-8.
    path = write(tmp_path, b"Name,City\n" + b"Ann,Berlin\n" * 200 + b"M\xfcller,K\xf6ln\n")
    layout = sniff(path, sample_bytes=256)
    assert layout.encoding == "cp1252"
    assert list(iter_rows(path, layout))[-1].cells == ["Müller", "Köln"]


def test_excel_separator_hint_after_blank_lines(tmp_path):
    path = write(tmp_path, "\r\n\r\nsep=;\r\nName;Email\r\nAnn;ann@x.io\r\n")
    layout = sniff(path)
    assert (layout.delimiter, layout.headers) == (";", ["Name", "Email"])
    assert [row.cells for row in iter_rows(path, layout)] == [["Ann", "ann@x.io"]]


def test_a_quoted_value_after_comma_space_keeps_its_separator(tmp_path):
    # Written by hand or by scripts that join with ", ": the quote is not at the cell's start.
    path = write(
        tmp_path,
        'Name, Company, Country\nAda, "Beta, Inc.", UK\nBo, "Say ""hi"", then go", DE\n'
        'Cy, "Gamma", FR\n'
        'Di, "Delta, Ltd.", IE,\n',  # a trailing separator: one empty cell more
    )
    layout = sniff(path)
    assert layout.delimiter == ","
    rows = list(iter_rows(path, layout))
    assert [(row.cells, row.problem) for row in rows] == [
        (["Ada", "Beta, Inc.", " UK"], None),
        (["Bo", 'Say "hi", then go', " DE"], None),
        (["Cy", ' "Gamma"', " FR"], None),  # stage 1 drops the spaced quotes of a lone value
        (["Di", "Delta, Ltd.", " IE", ""], "ragged_row"),  # accepted: the extra cell is empty
    ]


@pytest.mark.parametrize(
    "line",
    [
        'Ada, "Beta, Inc., UK',  # never closed: nothing to rejoin
        'Ada, "Beta, Inc.", UK, extra',  # rejoined, still one cell too many
        'Ada, "Beta", "Gamma", UK',  # each quote closes its own cell
    ],
)
def test_a_row_the_rejoin_cannot_make_fit_stays_ragged_and_alone(tmp_path, line):
    path = write(tmp_path, f"Name,Company,Country\n{line}\nCy,Gamma,FR\n")
    rows = list(iter_rows(path, CsvLayout("utf-8", ",", ["Name", "Company", "Country"], [])))
    assert rows[0].problem == "ragged_row"
    assert rows[0].cells == next(csv.reader([line]))
    assert (rows[1].cells, rows[1].problem) == (["Cy", "Gamma", "FR"], None)
