CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user, shared boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY a ON public.notes FOR UPDATE USING (shared);
CREATE POLICY b ON public.notes AS RESTRICTIVE USING (true);
CREATE POLICY c ON public.notes USING (owner = current_user);
