SET LOCAL lock_timeout = '5s';
CREATE TYPE public.mood AS ENUM ('a', 'b');
CREATE TABLE public.c (
    id integer NOT NULL,
    p_id integer NOT NULL,
    CONSTRAINT c_pkey PRIMARY KEY (id)
);
CREATE TABLE public.p (
    id integer NOT NULL,
    m public.mood DEFAULT 'a'::public.mood,
    CONSTRAINT p_pkey PRIMARY KEY (id)
);
CREATE INDEX CONCURRENTLY c_p_id_idx ON public.c USING btree (p_id);
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
