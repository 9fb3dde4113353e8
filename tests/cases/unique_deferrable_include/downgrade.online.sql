SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent DROP CONSTRAINT parent_code_region_key;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_code_key
CREATE UNIQUE INDEX CONCURRENTLY parent_code_key ON public.parent USING btree (code);
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE USING INDEX parent_code_key;
