SET LOCAL lock_timeout = '5s';
-- rebuilt: public.child.child_parent_id_fkey depends on public.parent.parent_pkey
ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;
ALTER TABLE public.parent DROP CONSTRAINT parent_pkey;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_pkey
CREATE UNIQUE INDEX CONCURRENTLY parent_pkey ON public.parent USING btree (id);
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY USING INDEX parent_pkey;
-- hazard: blocks-writes public.child
-- hazard: may-fail-on-existing-rows public.child.child_parent_id_fkey
-- rebuilt: public.child.child_parent_id_fkey depends on public.parent.parent_pkey
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id);
