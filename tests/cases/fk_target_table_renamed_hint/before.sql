CREATE TABLE public.people (id int PRIMARY KEY);
CREATE TABLE public.posts (id int PRIMARY KEY, author int REFERENCES public.people (id));
