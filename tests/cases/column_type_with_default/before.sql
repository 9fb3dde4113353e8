CREATE TABLE public.t (id int PRIMARY KEY, n integer DEFAULT 0);
