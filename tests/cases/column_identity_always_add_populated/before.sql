CREATE TABLE public.t (id int NOT NULL PRIMARY KEY, s text);
