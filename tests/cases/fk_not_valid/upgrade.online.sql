SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.child
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id) NOT VALID;
