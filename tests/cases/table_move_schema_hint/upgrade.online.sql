SET LOCAL lock_timeout = '5s';
CREATE SCHEMA app;
ALTER TABLE public.users SET SCHEMA app;
