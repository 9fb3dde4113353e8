SET LOCAL lock_timeout = '5s';
CREATE EXTENSION citext WITH SCHEMA public;
