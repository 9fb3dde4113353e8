CREATE TABLE public.people (id int PRIMARY KEY, mood text);
