CREATE TABLE public.p (id bigint PRIMARY KEY);
CREATE TABLE public.c (id int PRIMARY KEY, p_id bigint REFERENCES public.p (id));
