SET LOCAL lock_timeout = '5s';
ALTER SCHEMA new RENAME TO old;
