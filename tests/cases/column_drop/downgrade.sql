ALTER TABLE public.users ADD COLUMN age integer;
