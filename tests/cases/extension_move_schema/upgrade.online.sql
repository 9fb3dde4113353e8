SET LOCAL lock_timeout = '5s';
ALTER EXTENSION pg_trgm SET SCHEMA ext;
