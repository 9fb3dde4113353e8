SET LOCAL lock_timeout = '5s';
-- rebuilt: public.child.child_parent_code_fkey depends on public.parent.parent_code_key
ALTER TABLE public.child DROP CONSTRAINT child_parent_code_fkey;
ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_code_key
CREATE UNIQUE INDEX CONCURRENTLY parent_code_key ON public.parent USING btree (code) NULLS NOT DISTINCT;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE USING INDEX parent_code_key;
-- hazard: blocks-writes public.child
-- hazard: may-fail-on-existing-rows public.child.child_parent_code_fkey
-- rebuilt: public.child.child_parent_code_fkey depends on public.parent.parent_code_key
ALTER TABLE public.child ADD CONSTRAINT child_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.parent (code) ON DELETE CASCADE;
