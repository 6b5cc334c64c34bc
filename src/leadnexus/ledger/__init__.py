"""The ledger: commission and vendor earnings as double-entry postings, refunds and credits."""
