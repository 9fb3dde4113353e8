CREATE TYPE public.mood AS ENUM ('sad', 'fine');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood DEFAULT 'fine' CONSTRAINT people_mood_check CHECK (mood <> 'sad'), past public.mood[] DEFAULT '{fine}');
CREATE INDEX people_ok_idx ON public.people (id) WHERE mood = 'fine';
