SET LOCAL lock_timeout = '5s';
ALTER SCHEMA old RENAME TO new;
