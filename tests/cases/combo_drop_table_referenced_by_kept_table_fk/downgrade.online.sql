SET LOCAL lock_timeout = '5s';
CREATE TABLE public.p (
    id integer NOT NULL,
    CONSTRAINT p_pkey PRIMARY KEY (id)
);
-- hazard: blocks-writes public.c
-- hazard: may-fail-on-existing-rows public.c.c_p_id_fkey
ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p (id) NOT VALID;
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
