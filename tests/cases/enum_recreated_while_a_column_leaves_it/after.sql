CREATE TYPE public.mood AS ENUM ();
CREATE TABLE public.t2 (
    id bigint NOT NULL,
    c2 text NOT NULL,
    CONSTRAINT t2_pkey PRIMARY KEY (id)
);
