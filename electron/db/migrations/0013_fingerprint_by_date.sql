-- Schema 13: the duplicate lookup's index leads with the date. A fingerprint is a hash, so an
-- index on (year_id, fingerprint) took every imported row at a random place in the tree: a third
-- of the CPU of writing a 200,000-row statement. A fingerprint already includes the row's date,
-- so (year_id, txn_date, fingerprint) finds the same rows, and a statement, which runs in date
-- order, now fills the index at one place.
DROP INDEX ledger_txn_fingerprint;
CREATE INDEX ledger_txn_fingerprint ON ledger_txn (year_id, txn_date, fingerprint);
