ALTER TABLE public.users RENAME COLUMN email_address TO email;
