-- Schemas: the requested ones, or (when none is requested) every schema that is not a system
-- schema, a temporary schema or owned by an extension.
SELECT n.nspname::text AS name,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = n.oid AND dsc.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_namespace n
WHERE (
        (pg_catalog.cardinality($1::text[]) = 0
         AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
         AND n.nspname !~ '^pg_(toast_)?temp_')
        OR n.nspname = ANY ($1::text[])
      )
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
          AND d.objid = n.oid AND d.deptype = 'e')
ORDER BY 1
