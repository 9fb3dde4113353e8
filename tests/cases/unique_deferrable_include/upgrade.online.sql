SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_code_region_key
ALTER TABLE public.parent ADD CONSTRAINT parent_code_region_key UNIQUE (code) INCLUDE (region) DEFERRABLE INITIALLY DEFERRED;
