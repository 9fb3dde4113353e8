CREATE TABLE public.p (id int PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX p_code_idx ON public.p (code) NULLS NOT DISTINCT;
CREATE TABLE public.c (id int PRIMARY KEY, code text CONSTRAINT c_code_fkey REFERENCES public.p (code));
