CREATE TABLE items (
    id      TEXT NOT NULL PRIMARY KEY,
    ongoing INTEGER NOT NULL CHECK (ongoing IN (0, 1)),
    due     TEXT
);
INSERT INTO items VALUES ('I1', 1, NULL), ('I2', 0, '2014-09-01');
