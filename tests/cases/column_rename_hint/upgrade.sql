ALTER TABLE public.users RENAME COLUMN email TO email_address;
