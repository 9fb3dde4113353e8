CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user, shared boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
