SET LOCAL lock_timeout = '5s';
CREATE SCHEMA ext;
ALTER EXTENSION hstore SET SCHEMA ext;
