SET LOCAL lock_timeout = '5s';
ALTER TABLE public.child DROP CONSTRAINT child_code_region_fkey;
