SET LOCAL lock_timeout = '5s';
CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);
CREATE TABLE public.a (
    id integer NOT NULL,
    b_id integer,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a (id) NOT VALID;
ALTER TABLE public.b VALIDATE CONSTRAINT b_a_id_fkey;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b (id) NOT VALID;
ALTER TABLE public.a VALIDATE CONSTRAINT a_b_id_fkey;
