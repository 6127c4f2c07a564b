-- Ids that JSON must escape, at different places in a line (a reason names
-- the provider, so they are escaped inside the reason too): a quote, a
-- backslash, a tab, a newline and an ESC byte, with text before and after
-- of more and fewer than eight bytes, and plain ids of every length up to 17;
-- escapes just before, at and after the sixteenth byte, and text in UTF-8
-- (bytes from 0x80 up, which JSON leaves as they are) around them.
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, contract_start) VALUES
  ('Q"1', 'a', 'somerset', 'nursing', 1, '2024-01-01'),
  ('back\slash and a long tail after it', 'b', 'somerset', 'nursing', 1, '2024-01-01'),
  ('tab' || char(9) || 'x', 'c', 'somerset', 'nursing', 1, '2024-01-01'),
  ('a much longer prefix before the newline' || char(10) || 'y', 'd', 'somerset', 'nursing', 1, '2024-01-01'),
  ('esc' || char(27) || '[31mred', 'e', 'somerset', 'nursing', 1, '2024-01-01'),
  ('""\\""', 'f', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P', 'g', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P123456', 'h', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P1234567', 'i', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P12345678', 'j', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P1234567890123456', 'k', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P123456"', 'l', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P1234567"', 'm', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P12345678901234"', 'n', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P123456789012345"', 'o', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P1234567890123456\x', 'p', 'somerset', 'nursing', 1, '2024-01-01'),
  ('P12345678901234' || char(9) || 'P123456789012345' || char(1), 'q', 'somerset', 'nursing', 1, '2024-01-01'),
  ('Maison Hélène, Bridgwater' || char(127) || ' — Ünïcödé"', 'r', 'somerset', 'nursing', 1, '2024-01-01');
