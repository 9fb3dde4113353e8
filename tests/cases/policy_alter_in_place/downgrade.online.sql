SET LOCAL lock_timeout = '5s';
ALTER POLICY read_shared ON public.notes TO pg_read_all_data;
ALTER POLICY own_notes ON public.notes USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));
COMMENT ON POLICY own_notes ON public.notes IS 'owners see their notes';
