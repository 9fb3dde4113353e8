SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users DROP CONSTRAINT users_email_check;
