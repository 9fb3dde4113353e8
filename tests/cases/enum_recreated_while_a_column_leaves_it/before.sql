CREATE TYPE public.mood AS ENUM ('e');
CREATE TABLE public.t2 (
    id bigint NOT NULL,
    c2 public.mood NOT NULL,
    CONSTRAINT t2_pkey PRIMARY KEY (id)
);
