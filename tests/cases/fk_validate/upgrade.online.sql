-- hazard: may-fail-on-existing-rows public.child.child_parent_id_fkey
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;
