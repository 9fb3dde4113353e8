ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;
