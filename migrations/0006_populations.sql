-- Population sizes the user gives for response rates ("15 of 45 member organisations";
-- "12 of 25 countries"; "9 of 20 NGOs"). One row per size given:
--   attribute_id NULL, value NULL   how many respondents there could be overall;
--   attribute_id set,  value NULL   how many values the attribute could take (countries);
--   attribute_id set,  value set    how many respondents of that value there could be.
-- A size not given has no row. Deleting an attribute deletes its sizes.
CREATE TABLE populations (
  id           INTEGER PRIMARY KEY,
  attribute_id INTEGER REFERENCES attributes (id) ON DELETE CASCADE,
  value        TEXT,
  size         INTEGER NOT NULL CHECK (size >= 1),
  CHECK (attribute_id IS NOT NULL OR value IS NULL)
) STRICT;

CREATE UNIQUE INDEX populations_unique
  ON populations (ifnull(attribute_id, 0), ifnull(value, char(0)));
