-- Sequences that are not identity sequences (those belong to their column) nor extension
-- members, with the column that owns them (serial, or OWNED BY), if any.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       ty.typname::text AS type_name,
       s.seqstart AS start_value,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle,
       own_n.nspname::text AS owner_schema,
       own_c.relname::text AS owner_table,
       own_a.attname::text AS owner_column,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type ty ON ty.oid = s.seqtypid
LEFT JOIN pg_catalog.pg_depend d
       ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.deptype = 'a' AND d.refobjsubid > 0
LEFT JOIN pg_catalog.pg_class own_c ON own_c.oid = d.refobjid
LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own_c.relnamespace
LEFT JOIN pg_catalog.pg_attribute own_a ON own_a.attrelid = d.refobjid AND own_a.attnum = d.refobjsubid
WHERE n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend x
        WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND x.objid = c.oid AND x.deptype IN ('e', 'i'))
ORDER BY 1, 2
