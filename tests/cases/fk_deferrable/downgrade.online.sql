SET LOCAL lock_timeout = '5s';
ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;
-- hazard: blocks-writes public.child
-- hazard: may-fail-on-existing-rows public.child.child_parent_id_fkey
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id) NOT VALID;
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;
