CREATE TABLE public.t (id int PRIMARY KEY, n bigint DEFAULT 0);
