CREATE TYPE public.mood AS ENUM ('awful', 'sad', 'meh', 'ok');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood);
