CREATE TABLE public.c (id int PRIMARY KEY, p_id int);
