CREATE TABLE public.t (name text, id integer NOT NULL);
