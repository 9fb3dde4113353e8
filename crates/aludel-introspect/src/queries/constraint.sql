-- Primary key, unique, check and foreign key constraints of tables in the managed schemas.
-- Columns come as attribute numbers (key order) and are named from the columns query, which
-- costs far less than an attribute lookup per constraint on the server.
SELECT n.nspname::text AS schema,
       c.relname::text AS table_name,
       k.conrelid::int8 AS table_oid,
       k.conname::text AS name,
       k.contype::text AS kind,
       k.conkey AS column_nums,
       fn.nspname::text AS ref_schema,
       fc.relname::text AS ref_table,
       k.confrelid::int8 AS ref_oid,
       k.confkey AS ref_column_nums,
       k.confdelsetcols AS delete_set_nums,
       k.confupdtype::text AS on_update,
       k.confdeltype::text AS on_delete,
       k.confmatchtype::text AS match_type,
       k.condeferrable AS deferrable,
       k.condeferred AS deferred,
       k.convalidated AS validated,
       k.connoinherit AS no_inherit,
       CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid) END AS check_expr,
       COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct,
       (i.indkey::pg_catalog.int2[])[0:] AS index_nums,
       i.indnkeyatts::int4 AS key_count
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = k.conindid AND k.contype IN ('p', 'u')
WHERE k.contype IN ('p', 'u', 'c', 'f')
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
ORDER BY 1, 2, 4
