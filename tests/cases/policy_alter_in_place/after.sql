CREATE TABLE public.notes (id bigint PRIMARY KEY, owner text NOT NULL DEFAULT current_user, shared boolean NOT NULL DEFAULT false, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_notes ON public.notes USING (owner = current_user OR shared) WITH CHECK (owner = session_user);
CREATE POLICY read_shared ON public.notes FOR SELECT TO pg_read_all_data, pg_monitor USING (shared);
COMMENT ON POLICY own_notes ON public.notes IS 'owners see their notes and shared ones';
