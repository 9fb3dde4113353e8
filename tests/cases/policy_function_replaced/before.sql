CREATE FUNCTION public.is_owner(o text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT o = current_user $$;
CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.notes USING (public.is_owner(owner));
