CREATE TABLE public.p (id int PRIMARY KEY);
CREATE TABLE public.c (id int PRIMARY KEY, p_id int REFERENCES public.p (id));
