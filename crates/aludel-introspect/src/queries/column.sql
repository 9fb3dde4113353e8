-- Columns of every table in the managed schemas, in physical order, with the (element) type,
-- default or generation expression, identity and its sequence, collation and comment.
SELECT n.nspname::text AS schema,
       c.relname::text AS table_name,
       c.oid::int8 AS table_oid,
       a.attnum::int4 AS num,
       a.attname::text AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted,
       (t.typelem <> 0 AND t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc) AS is_array,
       et.typname::text AS type_name,
       etn.nspname::text AS type_schema,
       et.typtype::text AS typtype,
       a.atttypmod::int4 AS typmod,
       a.attnotnull AS not_null,
       -- a default cannot mention a column, so it is printed without opening its table
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS default_expr,
       CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
       a.attidentity::text AS identity,
       con.nspname::text AS collation_schema,
       co.collname::text AS collation_name,
       (SELECT d.description FROM pg_catalog.pg_description d
        WHERE d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.objsubid = a.attnum) AS comment,
       isn.nspname::text AS seq_schema,
       isc.relname::text AS seq_name,
       s.seqstart AS seq_start,
       s.seqincrement AS seq_increment,
       s.seqmin AS seq_min,
       s.seqmax AS seq_max,
       s.seqcache AS seq_cache,
       s.seqcycle AS seq_cycle
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type et
  ON et.oid = CASE WHEN t.typelem <> 0 AND t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc
                   THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
-- Index probes per row (not joins whose plan depends on catalog statistics, which are stale
-- right after a schema is created): the identity sequence of identity columns only.
LEFT JOIN LATERAL (SELECT dep.objid
                   FROM pg_catalog.pg_depend dep
                   WHERE a.attidentity <> ''
                     AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
                     AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND dep.deptype = 'i') idep ON true
LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = idep.objid
LEFT JOIN pg_catalog.pg_class isc ON isc.oid = idep.objid
LEFT JOIN pg_catalog.pg_namespace isn ON isn.oid = isc.relnamespace
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY ($1::text[])
  -- one part of the tables, so that several sessions can share the work ($2 = 1: all)
  AND (c.oid::int8 % $2::int4) = $3::int4
ORDER BY 1, 2, 4
