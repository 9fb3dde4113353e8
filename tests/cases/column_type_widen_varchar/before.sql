CREATE TABLE public.t (id int PRIMARY KEY, name varchar(10));
