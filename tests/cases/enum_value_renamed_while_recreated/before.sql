CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'meh');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood DEFAULT 'ok', was public.mood DEFAULT 'ok' CHECK (was <> 'ok'));
