SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;
