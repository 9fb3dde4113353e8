-- Extensions installed into the managed schemas.
SELECT e.extname::text AS name,
       n.nspname::text AS schema
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname = ANY ($1::text[])
ORDER BY 1
