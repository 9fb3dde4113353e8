CREATE TABLE public.a (id int PRIMARY KEY, c_id int);
CREATE TABLE public.b (id int PRIMARY KEY, a_id int REFERENCES public.a (id));
CREATE TABLE public.c (id int PRIMARY KEY, b_id int REFERENCES public.b (id));
ALTER TABLE public.a ADD FOREIGN KEY (c_id) REFERENCES public.c (id);
