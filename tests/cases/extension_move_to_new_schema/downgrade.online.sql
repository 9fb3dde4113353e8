SET LOCAL lock_timeout = '5s';
ALTER EXTENSION hstore SET SCHEMA public;
DROP SCHEMA ext;
