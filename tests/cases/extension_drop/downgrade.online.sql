SET LOCAL lock_timeout = '5s';
CREATE EXTENSION hstore WITH SCHEMA public;
