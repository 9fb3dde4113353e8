-- What views (through their rewrite rule), functions and triggers of the read schemas use, from
-- pg_depend: one row per use, the user named by its oid, the used object by kind and name.
WITH uses AS (
    SELECT 'view'::text AS user_kind, r.ev_class AS user_oid,
           d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
    JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
    JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
    WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
      AND d.deptype = 'n'
      AND v.relkind IN ('v', 'm')
      AND vn.nspname = ANY ($1::text[])
    UNION ALL
    SELECT 'function', d.objid, d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_proc p ON p.oid = d.objid
    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
    WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      AND d.deptype = 'n'
      AND pn.nspname = ANY ($1::text[])
    UNION ALL
    SELECT 'trigger', d.objid, d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_trigger t ON t.oid = d.objid
    JOIN pg_catalog.pg_class tc ON tc.oid = t.tgrelid
    JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
    WHERE d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
      AND d.deptype = 'n'
      AND tn.nspname = ANY ($1::text[])
    UNION ALL
    SELECT 'policy', d.objid, d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_policy po ON po.oid = d.objid
    JOIN pg_catalog.pg_class pc ON pc.oid = po.polrelid
    JOIN pg_catalog.pg_namespace pcn ON pcn.oid = pc.relnamespace
    WHERE d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass
      AND d.deptype = 'n'
      AND pcn.nspname = ANY ($1::text[])
)
SELECT u.user_kind,
       u.user_oid::int8 AS user_oid,
       CASE
         WHEN u.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN
           CASE WHEN rc.relkind IN ('v', 'm') THEN 'view'
                WHEN u.refobjsubid <> 0 THEN 'column'
                ELSE 'table' END
         WHEN u.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass THEN 'function'
         WHEN u.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass THEN
           CASE WHEN tc.relkind IN ('v', 'm') THEN 'view'
                WHEN tc.relkind IS NOT NULL THEN 'table'
                WHEN ty.typtype = 'e' THEN 'type' END
       END AS ref_kind,
       COALESCE(rcn.nspname, rpn.nspname, tcn.nspname, tyn.nspname)::text AS ref_schema,
       COALESCE(rc.relname, rp.proname, tc.relname, ty.typname)::text AS ref_name,
       ra.attname::text AS ref_column,
       pg_catalog.oidvectortypes(rp.proargtypes) AS ref_args
FROM uses u
LEFT JOIN pg_catalog.pg_class rc
       ON u.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = u.refobjid
LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
LEFT JOIN pg_catalog.pg_attribute ra
       ON rc.relkind NOT IN ('v', 'm') AND ra.attrelid = rc.oid AND ra.attnum = u.refobjsubid
      AND u.refobjsubid <> 0
LEFT JOIN pg_catalog.pg_proc rp
       ON u.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND rp.oid = u.refobjid
LEFT JOIN pg_catalog.pg_namespace rpn ON rpn.oid = rp.pronamespace
LEFT JOIN pg_catalog.pg_type ty
       ON u.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND ty.oid = u.refobjid
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = ty.typrelid AND ty.typrelid <> 0
LEFT JOIN pg_catalog.pg_namespace tcn ON tcn.oid = tc.relnamespace
LEFT JOIN pg_catalog.pg_namespace tyn ON tyn.oid = ty.typnamespace AND tc.oid IS NULL
WHERE u.refobjid <> u.user_oid
ORDER BY 1, 2, 3, 4, 5, 6, 7
