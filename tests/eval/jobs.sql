-- Tables of another case system for the --jobs cases: homes keyed by
-- integers (indexed, not the rowid, inserted out of key order), their
-- visits (some after the as-of date) and their owners, keyed by text that
-- sorts by its bytes (capitals before small letters, UTF-8 last).
CREATE TABLE homes (id INTEGER NOT NULL, name TEXT, owner TEXT, region TEXT);
CREATE INDEX homes_id ON homes (id);
CREATE TABLE home_visits (home_id INTEGER, made TEXT, outcome TEXT);
CREATE INDEX home_visits_home_id ON home_visits (home_id);
CREATE TABLE owners (code TEXT NOT NULL, name TEXT);
CREATE UNIQUE INDEX owners_code ON owners (code);
CREATE INDEX homes_owner ON homes (owner);
INSERT INTO homes VALUES
  (10, 'Ten', 'b', 'north'), (-5, 'Minus five', 'A', 'north'), (1099511627776, 'Two to the forty', 'é', 'north'),
  (3, 'Three', 'a', 'south'), (0, 'Zero', 'B', 'north'), (7, 'Seven', 'Z1', 'north'), (100, 'Hundred', 'ab', 'north'),
  (8, 'Eight', 'a', 'north'), (9, 'Nine', NULL, 'north'), (11, 'Eleven', 'A', 'south'), (1000, 'Thousand', 'b', 'north');
INSERT INTO home_visits VALUES
  (100, '2024-05-01', 'good'), (-5, '2024-01-01', 'poor'), (10, '2025-06-01', 'poor'), (7, '2024-02-02', 'good'),
  (10, '2024-03-03', 'good'), (1099511627776, '2024-12-12', 'good'), (0, '2024-07-07', 'poor'), (3, '2024-08-08', 'good'),
  (8, '2024-01-09', 'poor'), (8, '2024-02-09', 'poor'), (8, '2026-01-09', 'good'), (12, '2024-01-01', 'good'),
  (NULL, '2024-01-01', 'poor'), (1000, '2024-10-10', 'good'), (7, '2024-11-11', 'poor'), (-6, '2024-01-01', 'poor');
INSERT INTO owners VALUES
  ('b', 'Bee Homes'), ('A', 'Acorn'), ('é', 'Élan'), ('a', 'Ash'), ('Z1', 'Zed'), ('B', 'Birch'), ('ab', 'Abbey');
