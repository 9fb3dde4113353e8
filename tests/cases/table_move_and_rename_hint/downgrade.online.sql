SET LOCAL lock_timeout = '5s';
ALTER TABLE app.accounts RENAME CONSTRAINT accounts_pkey TO users_pkey;
ALTER TABLE app.accounts RENAME TO users;
ALTER TABLE app.users SET SCHEMA public;
DROP SCHEMA app;
