-- Codebook: a code's description grows into a codebook entry: the definition (the
-- existing description), when to use the code, when not to, and an example.
ALTER TABLE codes ADD COLUMN when_to_use     TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN when_not_to_use TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN example         TEXT NOT NULL DEFAULT '';
