CREATE TABLE public.people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
CREATE TABLE public.posts (id int PRIMARY KEY, author bigint REFERENCES public.people (id));
