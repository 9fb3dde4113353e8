CREATE TYPE public.mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE public.people (id int PRIMARY KEY, mood public.mood NOT NULL DEFAULT 'ok', past public.mood[] DEFAULT '{sad}',
  CONSTRAINT people_mood_check CHECK (mood <> 'sad'::public.mood));
CREATE INDEX people_ok_idx ON public.people (id) WHERE mood = 'ok'::public.mood;
CREATE INDEX people_expr_idx ON public.people ((mood = 'happy'::public.mood));
CREATE TABLE public.notes (id int PRIMARY KEY, body text, CONSTRAINT notes_body_check CHECK (body::public.mood <> 'happy'));
