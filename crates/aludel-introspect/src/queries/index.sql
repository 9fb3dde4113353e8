-- Indexes that do not back a constraint, with one array entry per index column: the table
-- column (or NULL for an expression), the expression, the order options, a non-default
-- operator class and a non-default collation.
SELECT n.nspname::text AS schema,
       c.relname::text AS table_name,
       ic.relname::text AS name,
       am.amname::text AS method,
       i.indisunique AS is_unique,
       i.indnullsnotdistinct AS nulls_not_distinct,
       i.indnkeyatts::int4 AS key_count,
       keys.columns,
       keys.exprs,
       keys.options,
       keys.opclass_schemas,
       keys.opclass_names,
       keys.collation_schemas,
       keys.collation_names,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = ic.oid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL (
    SELECT pg_catalog.array_agg(a.attname::text ORDER BY s.ord) AS columns,
           pg_catalog.array_agg(CASE WHEN i.indkey[s.ord - 1] = 0
                                     THEN pg_catalog.pg_get_indexdef(i.indexrelid, s.ord, false) END
                                ORDER BY s.ord) AS exprs,
           pg_catalog.array_agg(COALESCE(i.indoption[s.ord - 1], 0)::int2 ORDER BY s.ord) AS options,
           pg_catalog.array_agg(CASE WHEN NOT opc.opcdefault THEN opcn.nspname::text END ORDER BY s.ord) AS opclass_schemas,
           pg_catalog.array_agg(CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END ORDER BY s.ord) AS opclass_names,
           pg_catalog.array_agg(colln.nspname::text ORDER BY s.ord) AS collation_schemas,
           pg_catalog.array_agg(coll.collname::text ORDER BY s.ord) AS collation_names
    FROM pg_catalog.generate_series(1, i.indnatts::int4) AS s(ord)
    LEFT JOIN pg_catalog.pg_attribute a
           ON a.attrelid = i.indrelid AND a.attnum = i.indkey[s.ord - 1] AND i.indkey[s.ord - 1] <> 0
    LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = s.ord
    LEFT JOIN pg_catalog.pg_type it ON it.oid = ia.atttypid
    LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[s.ord - 1] AND s.ord <= i.indnkeyatts
    LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
    LEFT JOIN pg_catalog.pg_collation coll
           ON s.ord <= i.indnkeyatts
          AND coll.oid = i.indcollation[s.ord - 1]
          AND i.indcollation[s.ord - 1] <> 0
          AND i.indcollation[s.ord - 1] <> COALESCE(a.attcollation, it.typcollation)
    LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
) AS keys
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_constraint k
        WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
          AND k.contype IN ('p', 'u', 'x'))
ORDER BY 1, 2, 3
