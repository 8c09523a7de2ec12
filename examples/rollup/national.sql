-- The national tables, over the exports of every committee (danvan export
-- --format jsonl, loaded as the tables `petitions` and `targets`: see
-- load.duckdb.sql, and README.md for a warehouse).
--
-- Plain SQL (CASE, NULLIF, GROUP BY: no dialect's extensions), so the same
-- text runs in DuckDB, PostgreSQL and BigQuery. Each query is named by the
-- `-- name:` line above it; tests/national_rollup.rs runs them in DuckDB
-- and checks their totals against `danvan rollup --format json`.
--
-- The columns used (stable, see `danvan export --help`):
--   petitions: parent (the province), committee, type, state
--   targets:   parent, committee, id, title, status
-- A petition is open unless its state is resolved-on-time or resolved-late,
-- overdue when its state is overdue or acceptance-overdue; the on-time
-- share is resolved-on-time among the resolved, in percent.

-- name: petitions_by_province_and_type
SELECT
  parent AS province,
  type,
  COUNT(*) AS petitions,
  SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 0 ELSE 1 END) AS open_petitions,
  SUM(CASE WHEN state IN ('overdue', 'acceptance-overdue') THEN 1 ELSE 0 END) AS overdue_petitions,
  SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 1 ELSE 0 END) AS resolved,
  SUM(CASE WHEN state = 'resolved-on-time' THEN 1 ELSE 0 END) AS resolved_on_time
FROM petitions
GROUP BY parent, type
ORDER BY province, type;

-- name: on_time_share_by_province
SELECT
  parent AS province,
  COUNT(DISTINCT committee) AS committees,
  SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 1 ELSE 0 END) AS resolved,
  SUM(CASE WHEN state = 'resolved-on-time' THEN 1 ELSE 0 END) AS resolved_on_time,
  100.0 * SUM(CASE WHEN state = 'resolved-on-time' THEN 1 ELSE 0 END)
    / NULLIF(SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 1 ELSE 0 END), 0) AS on_time_share
FROM petitions
GROUP BY parent
ORDER BY province;

-- name: national_totals
SELECT
  COUNT(DISTINCT committee) AS committees,
  COUNT(*) AS petitions,
  SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 0 ELSE 1 END) AS open_petitions,
  SUM(CASE WHEN state IN ('overdue', 'acceptance-overdue') THEN 1 ELSE 0 END) AS overdue_petitions,
  SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 1 ELSE 0 END) AS resolved,
  SUM(CASE WHEN state = 'resolved-on-time' THEN 1 ELSE 0 END) AS resolved_on_time,
  100.0 * SUM(CASE WHEN state = 'resolved-on-time' THEN 1 ELSE 0 END)
    / NULLIF(SUM(CASE WHEN state IN ('resolved-on-time', 'resolved-late') THEN 1 ELSE 0 END), 0) AS on_time_share
FROM petitions;

-- name: target_status_counts
SELECT
  id AS target,
  MIN(title) AS title,
  COUNT(*) AS committees,
  SUM(CASE WHEN status = 'achieved' THEN 1 ELSE 0 END) AS achieved,
  SUM(CASE WHEN status = 'on-track' THEN 1 ELSE 0 END) AS on_track,
  SUM(CASE WHEN status = 'behind' THEN 1 ELSE 0 END) AS behind,
  SUM(CASE WHEN status = 'missed' THEN 1 ELSE 0 END) AS missed,
  SUM(CASE WHEN status = 'no-data' THEN 1 ELSE 0 END) AS no_data
FROM targets
GROUP BY id
ORDER BY target;

-- name: target_status_by_province
SELECT
  parent AS province,
  status,
  COUNT(*) AS targets
FROM targets
GROUP BY parent, status
ORDER BY province, status;
