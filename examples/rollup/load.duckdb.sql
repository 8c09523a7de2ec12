-- Loads the exports of every committee into DuckDB: run it from the folder
-- that holds exports/<committee>/, one folder per committee, each written by
--   danvan --as-of DATE export --format jsonl --out exports/<committee>
-- (the same DATE for all). Then national.sql runs on the tables it makes.
--
--   duckdb national.duckdb < load.duckdb.sql
--   duckdb national.duckdb < national.sql
--
-- This file is DuckDB's own; national.sql is plain SQL (README.md says how
-- a warehouse loads the same files).

CREATE OR REPLACE TABLE petitions AS
SELECT * FROM read_json_auto('exports/*/petitions.jsonl', format = 'newline_delimited', union_by_name = true);

CREATE OR REPLACE TABLE targets AS
SELECT * FROM read_json_auto('exports/*/targets.jsonl', format = 'newline_delimited', union_by_name = true);
