CREATE TABLE public.users (id int PRIMARY KEY);
CREATE TABLE public.posts (id int PRIMARY KEY, author int REFERENCES public.users (id));
