"""The encrypted station store: SQLCipher file, key slots, event log and projections."""
