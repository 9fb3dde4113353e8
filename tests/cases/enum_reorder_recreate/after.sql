CREATE TYPE public.mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood);
