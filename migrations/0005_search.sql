-- Full-text search. One row per answer (rowid = answers.id) holding the answer's words
-- as Cairn folds them (lower case, accents removed, CJK characters one by one), joined by
-- single spaces, so that FTS5 splits exactly the words the app found. The index keeps no
-- copy of the text (content=''), and rows can still be deleted (contentless_delete,
-- SQLite 3.43+). The app fills it on open (this SQL cannot fold words) and keeps it in
-- step with the answers through its connection's triggers (electron/core/db/search-index.ts).
CREATE VIRTUAL TABLE answers_fts USING fts5(
  words,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*'''
);
