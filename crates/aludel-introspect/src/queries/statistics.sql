-- Extended statistics on tables of the read schemas, except extension members: definition,
-- covered columns, statistics target.
SELECT n.nspname::text AS schema,
       s.stxname::text AS name,
       tn.nspname::text AS table_schema,
       c.relname::text AS table_name,
       pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = s.stxrelid AND a.attnum = ANY (s.stxkeys)
             ORDER BY a.attnum) AS columns,
       COALESCE(s.stxstattarget, -1)::int4 AS target,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = s.oid
          AND dsc.classoid = 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass
          AND d.objid = s.oid AND d.deptype = 'e')
ORDER BY 1, 2
