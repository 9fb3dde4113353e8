CREATE TABLE public.a (id int PRIMARY KEY, b_id int);
CREATE TABLE public.b (id int PRIMARY KEY, a_id int REFERENCES public.a (id));
ALTER TABLE public.a ADD FOREIGN KEY (b_id) REFERENCES public.b (id);
