SET LOCAL lock_timeout = '5s';
ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;
