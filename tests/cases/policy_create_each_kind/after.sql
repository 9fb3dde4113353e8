CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user, shared boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_notes ON public.notes USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY read_shared ON public.notes FOR SELECT TO pg_read_all_data, pg_monitor USING (shared);
CREATE POLICY add_notes ON public.notes FOR INSERT TO PUBLIC WITH CHECK (body IS NOT NULL);
CREATE POLICY no_empty ON public.notes AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (length(body) > 0);
CREATE POLICY keep ON public.notes FOR DELETE TO pg_write_all_data USING (NOT shared);
COMMENT ON POLICY own_notes ON public.notes IS 'owners see their notes';
