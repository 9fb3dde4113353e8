SET LOCAL lock_timeout = '5s';
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.t (
    id integer NOT NULL,
    email public.citext,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
