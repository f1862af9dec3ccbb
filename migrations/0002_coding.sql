-- Coding workspace: done marks, one memo per coder and target, and the undo history.

-- A coder marks a whole question (answer_id NULL) or single answers as done; the
-- agreement statistics compare only answers both coders have seen.
CREATE TABLE done_marks (
  id          INTEGER PRIMARY KEY,
  coder_id    INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  answer_id   INTEGER REFERENCES answers (id) ON DELETE CASCADE,
  marked_at   TEXT    NOT NULL
) STRICT;

CREATE UNIQUE INDEX done_marks_unique ON done_marks (coder_id, question_id, ifnull(answer_id, 0));
CREATE INDEX done_marks_by_answer ON done_marks (answer_id) WHERE answer_id IS NOT NULL;

-- Answer and respondent memos: at most one per coder (NULL: written before coders were
-- recorded) on each, so a second coder's notes never mix with the first's.
CREATE UNIQUE INDEX memos_one_per_answer_and_coder
  ON memos (answer_id, ifnull(coder_id, 0)) WHERE answer_id IS NOT NULL;
CREATE UNIQUE INDEX memos_one_per_respondent_and_coder
  ON memos (respondent_id, ifnull(coder_id, 0)) WHERE respondent_id IS NOT NULL;

-- The undo history, kept in the project so it survives a restart. A step is one user
-- action; its ops are SQL statements that, run in reverse order, revert it. Undoing a
-- step replaces its ops with the statements that redo it, and marks it undone.
CREATE TABLE history_steps (
  id         INTEGER PRIMARY KEY,
  label      TEXT    NOT NULL,
  state      TEXT    NOT NULL CHECK (state IN ('done', 'undone')),
  created_at TEXT    NOT NULL
) STRICT;

CREATE INDEX history_steps_by_state ON history_steps (state, id);

CREATE TABLE history_ops (
  id      INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES history_steps (id) ON DELETE CASCADE,
  sql     TEXT    NOT NULL
) STRICT;

CREATE INDEX history_ops_by_step ON history_ops (step_id, id);
