-- Tables of another case system, next to the reference schema.
CREATE TABLE homes (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE calls (home_id INTEGER, made TEXT);
INSERT INTO homes VALUES (9, 'Nine'), (10, 'Ten');
INSERT INTO calls VALUES (9, '2024-01-01'), (10, '2024-01-01'), (10, '2024-01-02');
