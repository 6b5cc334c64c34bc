"""Instructions the upload helpers execute per row (stages 1-5, score, lead values), by valgrind.

Run: `.venv/bin/python -m bench.helper_instructions [--rows 6000]`. Needs valgrind (Debian's
package). Takes a few minutes.

`prepare_batch`, what each helper process runs for a batch, goes over the first rows of the
benchmark file (`bench.ingest`'s, seed 11) in batches of 1,000, in one process under callgrind.
A second run over the first 1,000 rows only is subtracted: it holds start-up, imports and the
caches' first fill, so what is left is the steady per-row cost of a large file.
"""

from __future__ import annotations

import argparse
import tempfile
from itertools import islice
from pathlib import Path

from bench._callgrind import instructions
from leadnexus.demo_data import write_leads_csv
from leadnexus.leads.ingest.jobs import BATCH_SIZE
from leadnexus.leads.ingest.mapping import suggest_mapping
from leadnexus.leads.ingest.preparation import PricePolicy, prepare_batch
from leadnexus.leads.ingest.reader import iter_rows, sniff
from leadnexus.leads.validation.pipeline import FileDefaults

BASELINE_ROWS = 1000


def prepare(path: Path, rows: int) -> None:
    """The child process that valgrind watches: the suggested mapping, as a vendor confirms it."""
    layout = sniff(path)
    data = list(islice(iter_rows(path, layout), rows))
    sample = [row.cells for row in data[:20]]
    columns = {s.index: s.field for s in suggest_mapping(layout.headers, sample) if s.field}
    for start in range(0, len(data), BATCH_SIZE):
        prepare_batch(
            data[start : start + BATCH_SIZE],
            width=len(layout.headers),
            columns=columns,
            defaults=FileDefaults(default_country="US"),
            price=PricePolicy(),
            max_sales=1,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=6000)
    parser.add_argument("--child-rows", type=int)
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    if args.child_rows:
        prepare(args.file, args.child_rows)
        return

    with tempfile.TemporaryDirectory(prefix="leadnexus-bench-") as tmp:
        path = write_leads_csv(Path(tmp) / "leads.csv", args.rows, seed=11)
        counts = {
            rows: instructions(
                "bench.helper_instructions", "--child-rows", str(rows), "--file", str(path)
            )
            for rows in (BASELINE_ROWS, args.rows)
        }
    counted = args.rows - BASELINE_ROWS
    per_row = (counts[args.rows] - counts[BASELINE_ROWS]) / counted
    print(f"rows                {args.rows:,} (the first {BASELINE_ROWS:,} subtracted)")
    print(f"baseline            {counts[BASELINE_ROWS] / 1e9:.2f} G instructions")
    print(f"helpers per row     {per_row / 1e3:,.0f} k instructions")


if __name__ == "__main__":
    main()
