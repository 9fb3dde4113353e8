SET LOCAL lock_timeout = '5s';
ALTER TABLE public.node DROP CONSTRAINT node_parent_id_fkey;
-- hazard: data-loss public.node
DROP TABLE public.node;
