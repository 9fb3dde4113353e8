SET LOCAL lock_timeout = '5s';
ALTER TABLE app.users SET SCHEMA public;
DROP SCHEMA app;
