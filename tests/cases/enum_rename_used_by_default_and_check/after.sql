CREATE TYPE public.feeling AS ENUM ('sad', 'ok');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.feeling DEFAULT 'ok' CONSTRAINT people_mood_check CHECK (mood <> 'sad'));
CREATE INDEX people_ok_idx ON public.people (id) WHERE mood = 'ok';
