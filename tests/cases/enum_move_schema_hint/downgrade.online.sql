SET LOCAL lock_timeout = '5s';
ALTER TYPE types.mood SET SCHEMA public;
DROP SCHEMA types;
