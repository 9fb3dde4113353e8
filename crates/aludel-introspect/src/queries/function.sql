-- Functions and procedures (not aggregates or window functions), except extension members:
-- identity, the attributes CREATE OR REPLACE may not change, the full definition.
SELECT p.oid::int8 AS oid,
       n.nspname::text AS schema,
       p.proname::text AS name,
       pg_catalog.oidvectortypes(p.proargtypes) AS args,
       p.prokind::text AS kind,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_args,
       COALESCE(pg_catalog.array_to_string(p.proargmodes::text[], ','), '') || '|'
         || COALESCE(pg_catalog.array_to_string(p.proargnames, ','), '') || '|'
         || COALESCE(pg_catalog.array_to_string(
              COALESCE(p.proallargtypes, p.proargtypes::oid[])::pg_catalog.regtype[]::text[], ','), '')
         AS parameters,
       p.pronargdefaults::int2 AS defaults,
       pg_catalog.pg_get_function_result(p.oid) AS result,
       l.lanname::text AS language,
       p.provolatile::text AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proleakproof AS leakproof,
       p.proparallel::text AS parallel,
       p.procost::text AS cost,
       p.prorows::text AS rows,
       COALESCE(p.proconfig, '{}') AS config,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = p.oid AND dsc.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p')
  AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY 2, 3, 4
