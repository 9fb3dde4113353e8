-- Row-level security policies on the tables of the read schemas: command, permissive or
-- restrictive, roles (`{0}` is PUBLIC), both expressions as PostgreSQL prints them.
SELECT p.oid::int8 AS oid,
       n.nspname::text AS schema,
       c.relname::text AS table_name,
       p.polname::text AS name,
       p.polpermissive AS permissive,
       p.polcmd::text AS command,
       ARRAY(SELECT CASE WHEN r.role = 0 THEN 'public' ELSE a.rolname::text END
             FROM pg_catalog.unnest(p.polroles) AS r(role)
             LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.role
             ORDER BY 1) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
        WHERE dsc.objoid = p.oid AND dsc.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass
          AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
ORDER BY 2, 3, 4
