CREATE TYPE public.mood AS ENUM ('sad', 'fine');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood);
