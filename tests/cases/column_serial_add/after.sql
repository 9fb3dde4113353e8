CREATE TABLE public.t (name text, id serial);
