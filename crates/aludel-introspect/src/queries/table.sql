-- Ordinary and partitioned tables (not partitions), except extension members.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2
