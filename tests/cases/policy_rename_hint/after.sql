CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_notes ON public.notes USING (owner = current_user);
