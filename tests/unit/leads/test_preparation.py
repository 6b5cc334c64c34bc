"""The pure half of the pipeline, which big uploads run in helper processes."""

from __future__ import annotations

import pickle
import subprocess
import sys
from decimal import Decimal

from leadnexus.jsontext import JSONText
from leadnexus.leads.ingest.preparation import JSON_COLUMNS, PricePolicy, prepare_batch
from leadnexus.leads.ingest.reader import RawRow
from leadnexus.leads.validation.pipeline import FileDefaults, Reason


def test_helpers_import_no_database_or_web_code():
    # Each helper process imports this module alone; SQLAlchemy and Flask would add ~40 MB each.
    code = (
        "import sys, leadnexus.leads.ingest.preparation\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'flask'}))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_batch_maps_cells_to_fields_and_reads_short_rows():
    batch = [
        RawRow(2, ["Ada", "ada@analytical.io", "Analytical Engines Ltd"], None),
        RawRow(3, ["Alan", "not an email"], "ragged_row"),  # short: harmless
        RawRow(4, ["Grace", "grace@navy.mil", "US Navy", "extra"], "ragged_row"),
    ]
    prepared = prepare_batch(
        batch,
        width=3,
        columns={0: "first_name", 1: "email", 2: "company_name"},
        defaults=FileDefaults(),
        price=PricePolicy(),
        max_sales=1,
    )
    assert [p.row_number for p in prepared] == [2, 3, 4]
    assert prepared[0].values["company_key"] == "analytical engines"
    assert not prepared[0].rejected
    assert prepared[1].rejected and prepared[1].reasons[0].code != "ragged_row"
    assert prepared[2].rejected and [r.code for r in prepared[2].reasons] == ["ragged_row"]


def test_a_prepared_row_crosses_processes_unchanged():
    # Helpers send batches through pickle in a plain wire form (see Prepared.__reduce__); the
    # writer must get back the same values, with the JSON columns still marked as encoded.
    batch = [
        RawRow(2, ["Ada", "ada@analytical.io", "Analytical Engines Ltd", "+1 415 555 2671"], None),
        RawRow(3, ["Alan", "not an email", "", ""], None),
    ]
    prepared = prepare_batch(
        batch,
        width=4,
        columns={0: "first_name", 1: "email", 2: "company_name", 3: "phone"},
        defaults=FileDefaults(default_country="US"),
        price=PricePolicy(mode="score", minimum=Decimal("10"), maximum=Decimal("60")),
        max_sales=2,
    )
    copied = pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    assert copied == prepared
    assert {type(v) for k, v in copied[0].values.items() if k in JSON_COLUMNS} == {JSONText}
    assert isinstance(copied[0].values["price"], Decimal)
    assert copied[1].rejected and isinstance(copied[1].reasons[0], Reason)
