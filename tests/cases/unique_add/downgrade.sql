ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;
