ALTER TABLE app.users SET SCHEMA public;
DROP SCHEMA app;
