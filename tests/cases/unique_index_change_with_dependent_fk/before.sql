CREATE TABLE public.p (id int PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX p_code_idx ON public.p (code);
CREATE TABLE public.c (id int PRIMARY KEY, code text REFERENCES public.p (code));
