ALTER TABLE public.child DROP CONSTRAINT child_code_region_fkey;
