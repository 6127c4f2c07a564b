.read tests/eval/values.sql
