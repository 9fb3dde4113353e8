ALTER POLICY own_notes ON public.notes USING (((owner = CURRENT_USER) OR shared)) WITH CHECK ((owner = SESSION_USER));
COMMENT ON POLICY own_notes ON public.notes IS 'owners see their notes and shared ones';
ALTER POLICY read_shared ON public.notes TO pg_monitor, pg_read_all_data;
