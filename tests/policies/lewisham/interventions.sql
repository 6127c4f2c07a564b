-- Interventions by other agencies, used by the Lewisham fixtures. Several
-- tests share these rows, so they are kept in one file; each test gives its
-- own providers and other facts inline, and rows about providers a test does
-- not give are simply not read by that test.
INSERT INTO interventions (provider_id, agency, dated) VALUES
-- W01 Meridian Brain Injury Centre: CQC, the fire service and the police.
  ('W01', 'cqc',             '2024-10-15'),
  ('W01', 'fire_service',    '2024-12-05'),
  ('W01', 'police',          '2025-01-10'),
-- W02 Ladywell Nursing Home: CQC, LA safeguarding and NHS England.
  ('W02', 'cqc',             '2024-05-02'),
  ('W02', 'la_safeguarding', '2024-09-10'),
  ('W02', 'nhs_england',     '2024-11-05'),
-- W07 Deptford Supported Living: CQC twice (one agency); the fire service
-- exactly twelve months before 2025-01-31; the police after it.
  ('W07', 'cqc',             '2024-03-01'),
  ('W07', 'cqc',             '2024-11-12'),
  ('W07', 'fire_service',    '2024-01-31'),
  ('W07', 'police',          '2025-02-05'),
-- W08 Blackheath Neuro Rehab: the police and LA safeguarding.
  ('W08', 'police',          '2024-09-01'),
  ('W08', 'la_safeguarding', '2024-10-01'),
-- W14 Hither Green House: the commissioner, and "other" agencies twice.
  ('W14', 'commissioner',    '2024-06-01'),
  ('W14', 'other',           '2024-07-01'),
  ('W14', 'other',           '2024-08-01'),
-- W16 Honor Oak Lodge: the police on 2025-01-31, CQC one day inside twelve
-- months, the fire service exactly twelve months back.
  ('W16', 'police',          '2025-01-31'),
  ('W16', 'cqc',             '2024-02-01'),
  ('W16', 'fire_service',    '2024-01-31'),
-- W22 Lee Manor: the police and CQC, nothing else.
  ('W22', 'police',          '2024-12-01'),
  ('W22', 'cqc',             '2024-12-15');
