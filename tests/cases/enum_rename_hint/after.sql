CREATE TYPE public.feeling AS ENUM ('sad', 'ok');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.feeling);
