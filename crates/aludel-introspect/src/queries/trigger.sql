-- Triggers the user created (not the internal ones of foreign keys, not clones on partitions)
-- on tables and views of the read schemas.
SELECT t.oid::int8 AS oid,
       n.nspname::text AS schema,
       c.relname::text AS table_name,
       t.tgname::text AS name,
       pg_catalog.pg_get_triggerdef(t.oid, false) AS definition,
       t.tgconstraint <> 0 AS is_constraint,
       pn.nspname::text AS function_schema,
       p.proname::text AS function_name,
       pg_catalog.oidvectortypes(p.proargtypes) AS function_args,
       t.tgenabled::text AS enabled,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = t.oid AND dsc.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND n.nspname = ANY ($1::text[])
ORDER BY 2, 3, 4
