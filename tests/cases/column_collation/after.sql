CREATE TABLE public.t (id int PRIMARY KEY, s text COLLATE "C");
