-- Review and consensus (issue 7, decision 0015): a review settles two coders'
-- disagreements into a third coder, the consensus. A review remembers whom it compares,
-- on which questions, at which segment threshold, and the agreement figures when it
-- started (the report states them as the figures before review); each decision on one
-- (answer, code) disagreement is kept with its comment, so a review resumes where it
-- stopped. Both tables are edited only inside undoable steps.

CREATE TABLE reviews (
  id              INTEGER PRIMARY KEY,
  coder_a         INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
  coder_b         INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
  consensus_coder INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
  -- The question ids compared, ascending, as a JSON array; '[]' means every question.
  question_ids    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(question_ids)),
  threshold       REAL    NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  -- The AgreementReport (shared/api/agreement-api.ts) computed when the review started.
  before_report   TEXT    NOT NULL CHECK (json_valid(before_report)),
  started_at      TEXT    NOT NULL,
  CHECK (coder_a <> coder_b AND consensus_coder <> coder_a AND consensus_coder <> coder_b)
) STRICT;

-- The reviews of two coders, found in either order.
CREATE INDEX reviews_by_coders ON reviews (coder_a, coder_b);

CREATE TABLE review_decisions (
  id         INTEGER PRIMARY KEY,
  review_id  INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  code_id    INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  -- Keep A's passages, B's, the union of both, neither, or passages the reviewer edited.
  decision   TEXT    NOT NULL CHECK (decision IN ('a', 'b', 'both', 'neither', 'edit')),
  comment    TEXT    NOT NULL DEFAULT '',
  decided_at TEXT    NOT NULL,
  UNIQUE (review_id, answer_id, code_id)
) STRICT;

-- Deleting an answer or a code cascades here.
CREATE INDEX review_decisions_by_answer ON review_decisions (answer_id);
CREATE INDEX review_decisions_by_code ON review_decisions (code_id);
