ALTER TABLE public.parent DROP CONSTRAINT parent_code_region_key;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_code_key
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE (code);
