SET LOCAL lock_timeout = '5s';
CREATE SCHEMA app;
ALTER TABLE public.users RENAME TO accounts;
ALTER TABLE public.accounts SET SCHEMA app;
ALTER TABLE app.accounts RENAME CONSTRAINT users_pkey TO accounts_pkey;
