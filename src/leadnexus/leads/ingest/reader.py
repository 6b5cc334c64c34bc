"""Streaming CSV reading: detect a file's layout from a sample, then yield its rows one by one.

Only `sniff` raises, and only CsvFormatError for problems with the whole file. Row problems are
reported on the row (RawRow.problem) so one bad line never stops an upload.

Bytes that do not decode in the detected encoding past the sample are replaced with U+FFFD
(errors="replace") rather than failing the row: the value is visibly damaged, the rest is kept.
A plain ASCII sample does not decide the encoding: the rest of the file does (see _rest_encoding).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

MAX_CELL_BYTES = 64 * 1024
# Above MAX_CELL_BYTES so an oversized cell is flagged rather than a csv.Error; bounded so a
# file with no closing quote cannot pull gigabytes into one field.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
TRUNCATED_CELL_CHARS = 200
DELIMITERS = (",", ";", "\t", "|")
SNIFF_RECORDS = 50
MAX_HEADER_CHARS = 200
# A first line that may head rows shorter than itself: every cell a short label.
MAX_LABEL_CHARS = 50
MAX_LABEL_WORDS = 5
# Enough non-ASCII characters past an ASCII sample to tell UTF-8 from Windows-1252.
ENCODING_EVIDENCE_CHARS = 1000
BINARY_CONTROL_RATIO = 0.05
C1_CONTROL_RATIO = 0.02
MIN_C1_CONTROLS = 8

csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f")


class CsvFormatError(Exception):
    """The file as a whole cannot be read as CSV; .code is stable, .message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class CsvLayout:
    encoding: str  # "utf-8-sig" | "utf-8" | "cp1252" | "latin-1"
    delimiter: str
    headers: list[str]
    duplicate_headers: list[str]


@dataclass(frozen=True)
class RawRow:
    number: int  # 1-based data row number; the header is row 0
    cells: list[str]
    problem: str | None  # None | "ragged_row" | "cell_too_large" | "malformed_row"


def _check_binary(sample: bytes) -> None:
    # UTF-16 text is full of NUL bytes: name the real problem before calling it binary.
    if sample.startswith(_UTF16_BOMS):
        raise CsvFormatError(
            "encoding_unknown", "The file is UTF-16 or UTF-32; save it as UTF-8 CSV."
        )
    if sample.startswith(b"PK\x03\x04"):
        raise CsvFormatError(
            "binary_file", "This looks like an Excel workbook; save it as CSV and upload that."
        )
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _ALLOWED_CONTROLS)
    if b"\x00" in sample or controls > BINARY_CONTROL_RATIO * len(sample):
        raise CsvFormatError("binary_file", "This is a binary file, not a CSV text file.")


def _decode(sample: bytes, *, complete: bool) -> tuple[str, str]:
    """Pick the encoding and decode the sample; a multi-byte character cut at its end is fine."""
    encoding = "utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"
    for candidate in (encoding, "cp1252"):
        try:
            decoder = codecs.getincrementaldecoder(candidate)()
            return candidate, decoder.decode(sample, final=complete)
        except UnicodeDecodeError:
            continue
    text = sample.decode("latin-1")
    # Latin-1 decodes anything; many C1 controls mean it is really some other encoding.
    c1_controls = sum(1 for char in text if "\x80" <= char <= "\x9f")
    if c1_controls >= MIN_C1_CONTROLS and c1_controls > C1_CONTROL_RATIO * len(text):
        raise CsvFormatError(
            "encoding_unknown", "The text encoding was not recognised; save the file as UTF-8."
        )
    return "latin-1", text


def _rest_encoding(handle: BinaryIO) -> str:
    """UTF-8 or Windows-1252 for the rest of a file whose sample was plain ASCII.

    An ASCII sample says nothing about the encoding: a Windows-1252 export whose first rows are
    ASCII would otherwise be read as UTF-8, and every later "ü" replaced by U+FFFD. A UTF-8
    file with a few damaged bytes stays UTF-8: most of its non-ASCII characters decode. Reading
    stops once there is enough evidence either way.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    decoded = damaged = 0
    while decoded + damaged < ENCODING_EVIDENCE_CHARS and (chunk := handle.read(1024 * 1024)):
        text = decoder.decode(chunk)
        if text.isascii():
            continue
        # U+FFFD written in the file itself (EF BF BD) is text, not a decoding error.
        bad = text.count("\ufffd") - chunk.count(b"\xef\xbf\xbd")
        damaged += bad
        decoded += len(text) - len(text.encode("ascii", "ignore")) - bad
    return "cp1252" if damaged > decoded else "utf-8"


def _records(text: str, delimiter: str) -> list[list[str]]:
    """Up to SNIFF_RECORDS non-blank records of the sample parsed with one delimiter."""
    records: list[list[str]] = []
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=False)
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append(record)
            if len(records) >= SNIFF_RECORDS:
                break
    except csv.Error:
        pass
    return records


def _fits(record: list[str], width: int, *, short_ok: bool) -> bool:
    """A record the import accepts under a header this wide: as wide, longer only by empty
    cells, or (when `short_ok`) shorter: files written by hand or by scripts leave out
    trailing empty cells."""
    if len(record) == width:
        return True
    if len(record) < width:
        return short_ok and len(record) >= 2
    return not any(cell.strip() for cell in record[width:])


def _reads_as_column_names(cells: list[str]) -> bool:
    """Short labels, not the pieces of a sentence that happens to hold commas."""
    labels = [cell.strip() for cell in cells if cell.strip()]
    return all(
        len(label) <= MAX_LABEL_CHARS
        and len(label.split()) <= MAX_LABEL_WORDS
        and not (label.endswith(".") and " " in label)
        for label in labels
    )


def _score(records: list[list[str]], delimiter: str) -> tuple[float, int]:
    """(share of data records that fit the header, header width) for one delimiter."""
    width = len(records[0])
    body = records[1:]
    if width < 2:
        return 0.0, width
    if not body:
        return 1.0, width
    short_ok = _reads_as_column_names(records[0])
    fitting = sum(
        1
        for record in body
        if _fits(record, width, short_ok=short_ok)
        or (len(record) > width and _rejoined(record, delimiter, width) is not None)
    )
    return fitting / len(body), width


def _detect_delimiter(text: str) -> tuple[str, list[list[str]]]:
    best: tuple[float, int] = (0.0, 0)
    chosen: tuple[str, list[list[str]]] | None = None
    for delimiter in DELIMITERS:
        records = _records(text, delimiter)
        if not records:
            raise CsvFormatError("empty_file", "The file has no content.")
        score = _score(records, delimiter)
        if score > best:
            best, chosen = score, (delimiter, records)
    # Prose has commas too, but neither the same number on most lines nor a first line of labels.
    if chosen is None or best[0] < 0.5:
        raise CsvFormatError(
            "not_delimited",
            "No column separator was found; use commas, semicolons, tabs or pipes.",
        )
    return chosen


def _unique_headers(cells: list[str]) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    duplicates: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells, start=1):
        name = cell.strip()[:MAX_HEADER_CHARS] or f"Column {index}"
        key = name.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            if name not in duplicates:
                duplicates.append(name)
            name = f"{name} ({seen[key]})"
        headers.append(name)
    return headers, duplicates


def _is_separator_hint(record: list[str]) -> bool:
    """Excel's first line `sep=;` names the separator; it is neither header nor data (parsed
    with that separator it reads as the cells "sep=" and "")."""
    first = record[0].strip().lower()
    return first.startswith("sep=") and len(first) <= 5 and not any(c.strip() for c in record[1:])


def _without_separator_hint(text: str) -> str:
    # The row reader skips blank records before the hint too (see _data_records).
    first_line, newline, rest = text.lstrip().partition("\n")
    return rest if _is_separator_hint([first_line.strip().strip('"')]) and newline else text


def _looks_like_data(cells: list[str]) -> bool:
    """A first row holding email addresses or only numbers is data, not column names."""
    values = [cell.strip() for cell in cells if cell.strip()]
    if not values:
        return True
    has_email = any("@" in value and "." in value.split("@")[-1] for value in values)
    numeric = sum(1 for value in values if value.replace(".", "").replace("-", "").isdigit())
    return has_email or numeric * 2 > len(values)


def sniff(path: Path, sample_bytes: int = 64 * 1024) -> CsvLayout:
    """Detect encoding, delimiter and headers from the start of the file."""
    with path.open("rb") as handle:
        sample = handle.read(sample_bytes)
        complete = not handle.peek(1)
        if not sample.strip(b" \t\r\n\xef\xbb\xbf"):
            raise CsvFormatError("empty_file", "The file is empty.")
        _check_binary(sample)
        encoding, text = _decode(sample, complete=complete)
        if encoding == "utf-8" and not complete and sample.isascii():
            encoding = _rest_encoding(handle)
    if not complete:
        # The last line of a cut sample is partial; leave it out of the detection.
        text = text[: text.rfind("\n") + 1] or text
    delimiter, records = _detect_delimiter(_without_separator_hint(text.removeprefix("\ufeff")))
    if _looks_like_data(records[0]):
        raise CsvFormatError(
            "no_header", "The first row must hold column names (it looks like data)."
        )
    if len(records) == 1 and complete:
        raise CsvFormatError("header_only", "The file has column names but no rows.")
    headers, duplicates = _unique_headers(records[0])
    return CsvLayout(encoding, delimiter, headers, duplicates)


def _closes_quote(cell: str) -> bool:
    """Ends a quoted value: an odd run of quotes at its end (`""` is a quote inside one)."""
    text = cell.rstrip(" ")
    return (len(text) - len(text.rstrip('"'))) % 2 == 1


def _rejoined(record: list[str], delimiter: str, width: int) -> list[str] | None:
    """`Ada, "Beta, Inc.", UK` as the header's three cells (and any empty ones after them), or
    None if it does not come to that.

    CSV quotes count only right after the separator, so after `, ` the quoted comma splits the
    value. Reading the whole file with skipinitialspace would let one stray quote swallow every
    later row; repairing a row that is too long, and only when the repair makes it fit, keeps
    any damage to that row.
    """
    cells: list[str] = []
    index = 0
    while index < len(record):
        cell = record[index]
        opened = cell.lstrip(" ")
        if opened == cell or not opened.startswith('"') or _closes_quote(opened[1:]):
            cells.append(cell)
            index += 1
            continue
        end = next((j for j in range(index + 1, len(record)) if _closes_quote(record[j])), None)
        if end is None:
            return None
        quoted = delimiter.join(record[index : end + 1]).strip(" ")
        cells.append(quoted[1:-1].replace('""', '"'))
        index = end + 1
    return cells if _fits(cells, width, short_ok=False) else None


def _row_problem(cells: list[str], width: int) -> tuple[list[str], str | None]:
    oversized = False
    for cell in cells:
        # Cheap length test first: the byte count is only needed near the limit.
        if len(cell) * 4 > MAX_CELL_BYTES and len(cell.encode("utf-8", "replace")) > MAX_CELL_BYTES:
            oversized = True
            break
    if oversized:
        return [cell[:TRUNCATED_CELL_CHARS] for cell in cells], "cell_too_large"
    return cells, ("ragged_row" if len(cells) != width else None)


def _data_records(path: Path, layout: CsvLayout) -> Iterator[list[str] | None]:
    """The data records after the header, blank ones skipped; None for one that failed to parse."""
    with path.open(encoding=layout.encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=layout.delimiter, strict=False)
        header_seen = False
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error:
                if header_seen:
                    yield None
                continue
            if not any(cell.strip() for cell in record):
                continue
            if not header_seen:
                header_seen = not _is_separator_hint(record)
                continue
            yield record


def iter_rows(path: Path, layout: CsvLayout) -> Iterator[RawRow]:
    """Yield data rows one at a time (memory does not grow with the file); blank rows skipped."""
    width = len(layout.headers)
    for number, record in enumerate(_data_records(path, layout), start=1):
        if record is None:
            yield RawRow(number, [], "malformed_row")
            continue
        if len(record) > width:  # perhaps `a, "b, c"`: see _rejoined
            record = _rejoined(record, layout.delimiter, width) or record
        cells, problem = _row_problem(record, width)
        yield RawRow(number, cells, problem)


def count_rows(path: Path, layout: CsvLayout) -> int:
    """The number of rows `iter_rows` yields, without checking each one."""
    return sum(1 for _ in _data_records(path, layout))


def read_sample(path: Path, layout: CsvLayout, n: int = 20) -> list[list[str]]:
    """The first n data rows' cells, for mapping suggestions and the preview."""
    return [row.cells for row in islice(iter_rows(path, layout), n)]
