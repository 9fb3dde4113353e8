-- Column names of tables outside the managed schemas that foreign keys reference (such as
-- another service's table), by table oid; only run when there are such tables.
SELECT a.attrelid::int8 AS table_oid,
       a.attnum::int4 AS num,
       a.attname::text AS name
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = ANY ($1::int8[]::pg_catalog.oid[])
  AND a.attnum > 0
  AND NOT a.attisdropped
