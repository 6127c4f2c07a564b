INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES ('H1', 'Holly', 'somerset', 'other', 1);
