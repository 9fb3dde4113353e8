CREATE SCHEMA types;
CREATE TYPE types.mood AS ENUM ('sad', 'ok');
CREATE TABLE public.people (id int PRIMARY KEY, mood types.mood DEFAULT 'ok' CONSTRAINT people_mood_check CHECK (mood <> 'sad'));
