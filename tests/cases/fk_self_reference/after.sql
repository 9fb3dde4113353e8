CREATE TABLE public.node (id int PRIMARY KEY, parent_id int REFERENCES public.node (id));
