CREATE TYPE public.mood AS ENUM ('sad', 'ok');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood DEFAULT 'ok' CHECK (mood <> 'sad'));
CREATE INDEX people_ok_idx ON public.people (id) WHERE mood = 'ok';
