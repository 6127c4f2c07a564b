.read tests/eval/baddata.sql
-- A NULL in a column the binding says is required (feedback.concern, row 3):
-- the table is rebuilt without NOT NULL, as another case system might have it.
CREATE TABLE feedback_loose (provider_id TEXT, received TEXT, source TEXT, concern INTEGER);
INSERT INTO feedback_loose SELECT provider_id, received, source, concern FROM feedback ORDER BY rowid;
DROP TABLE feedback;
ALTER TABLE feedback_loose RENAME TO feedback;
UPDATE feedback SET concern = NULL WHERE rowid = 3;
