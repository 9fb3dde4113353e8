SET LOCAL lock_timeout = '5s';
CREATE TABLE public.node (
    id integer NOT NULL,
    parent_id integer,
    CONSTRAINT node_pkey PRIMARY KEY (id)
);
ALTER TABLE public.node ADD CONSTRAINT node_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.node (id) NOT VALID;
ALTER TABLE public.node VALIDATE CONSTRAINT node_parent_id_fkey;
