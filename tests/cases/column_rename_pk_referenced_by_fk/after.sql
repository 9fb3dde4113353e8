CREATE TABLE public.p (pid int CONSTRAINT p_pkey PRIMARY KEY);
CREATE TABLE public.c (id int PRIMARY KEY, p_id int CONSTRAINT c_p_id_fkey REFERENCES public.p (pid));
