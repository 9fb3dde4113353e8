CREATE TYPE public.mood AS ENUM ('sad', 'fine');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood DEFAULT 'sad', was public.mood DEFAULT 'fine' CONSTRAINT people_was_check CHECK (was <> 'sad'));
