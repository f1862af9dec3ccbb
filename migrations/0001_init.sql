-- Cairn project schema, version 1. Append-only: change the schema with a new numbered
-- file, never by editing this one.
--
-- Offsets (segments.start/end) are UTF-16 code units into answers.text, end exclusive.
-- Answer text is never edited after import, so offsets stay valid.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE questions (
  id       INTEGER PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  label    TEXT    NOT NULL UNIQUE CHECK (length(trim(label)) > 0),
  text     TEXT    NOT NULL DEFAULT '',
  -- The part of the questionnaire the question belongs to ("Part A: Approach"), or ''.
  section  TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE respondents (
  id          INTEGER PRIMARY KEY,
  external_id TEXT    NOT NULL UNIQUE CHECK (length(trim(external_id)) > 0),
  position    INTEGER NOT NULL UNIQUE CHECK (position >= 1)
) STRICT;

CREATE TABLE attributes (
  id       INTEGER PRIMARY KEY,
  name     TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1)
) STRICT;

CREATE TABLE respondent_attributes (
  respondent_id INTEGER NOT NULL REFERENCES respondents (id) ON DELETE CASCADE,
  attribute_id  INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
  value         TEXT    NOT NULL,
  PRIMARY KEY (respondent_id, attribute_id)
) STRICT, WITHOUT ROWID;

-- Filters by attribute value ("only country = Ireland") look respondents up by value.
CREATE INDEX respondent_attributes_by_value ON respondent_attributes (attribute_id, value);

CREATE TABLE answers (
  id            INTEGER PRIMARY KEY,
  respondent_id INTEGER NOT NULL REFERENCES respondents (id) ON DELETE CASCADE,
  question_id   INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  text          TEXT    NOT NULL,
  -- answered | empty (blank cell) | non_response (a placeholder such as "-" or "n/a").
  status        TEXT    NOT NULL CHECK (status IN ('answered', 'empty', 'non_response')),
  -- 1 when a user overrode the status detected at import; re-detection must keep it.
  status_set_by_user INTEGER NOT NULL DEFAULT 0 CHECK (status_set_by_user IN (0, 1)),
  UNIQUE (respondent_id, question_id)
) STRICT;

-- One question's answers in respondent order, and its counts by status.
CREATE INDEX answers_by_question ON answers (question_id, status);

CREATE TABLE codes (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES codes (id) ON DELETE RESTRICT,
  -- '>' separates levels in a code path, so it cannot be part of a name.
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0 AND instr(name, '>') = 0),
  color       TEXT    NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  description TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL CHECK (position >= 0)
) STRICT;

-- Siblings have distinct names, so a path names exactly one code.
CREATE UNIQUE INDEX codes_unique_name_among_siblings ON codes (ifnull(parent_id, 0), name);
CREATE INDEX codes_by_parent ON codes (parent_id, position);

CREATE TABLE coders (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- Lower-cased, spaces collapsed: "Anna  Smith" and "anna smith" are one coder.
  name_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE segments (
  id         INTEGER PRIMARY KEY,
  answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  code_id    INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  coder_id   INTEGER NOT NULL REFERENCES coders (id) ON DELETE RESTRICT,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end > start),
  memo       TEXT    NOT NULL DEFAULT '',
  created_at TEXT    NOT NULL
) STRICT;

CREATE INDEX segments_by_answer ON segments (answer_id, start);
CREATE INDEX segments_by_code ON segments (code_id, coder_id);

-- Memos on a code, an answer or a respondent (a segment's memo lives on the segment).
CREATE TABLE memos (
  id            INTEGER PRIMARY KEY,
  code_id       INTEGER REFERENCES codes (id) ON DELETE CASCADE,
  answer_id     INTEGER REFERENCES answers (id) ON DELETE CASCADE,
  respondent_id INTEGER REFERENCES respondents (id) ON DELETE CASCADE,
  coder_id      INTEGER REFERENCES coders (id) ON DELETE SET NULL,
  text          TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  CHECK ((code_id IS NOT NULL) + (answer_id IS NOT NULL) + (respondent_id IS NOT NULL) = 1)
) STRICT;

CREATE INDEX memos_by_code ON memos (code_id) WHERE code_id IS NOT NULL;
CREATE INDEX memos_by_answer ON memos (answer_id) WHERE answer_id IS NOT NULL;
CREATE INDEX memos_by_respondent ON memos (respondent_id) WHERE respondent_id IS NOT NULL;
