ALTER TABLE public.parent DROP CONSTRAINT parent_pkey;
