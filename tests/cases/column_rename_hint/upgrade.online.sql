SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users RENAME COLUMN email TO email_address;
