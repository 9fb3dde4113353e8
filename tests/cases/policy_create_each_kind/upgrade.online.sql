SET LOCAL lock_timeout = '5s';
CREATE POLICY add_notes ON public.notes AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK ((body IS NOT NULL));
CREATE POLICY keep ON public.notes AS PERMISSIVE FOR DELETE TO pg_write_all_data USING ((NOT shared));
CREATE POLICY no_empty ON public.notes AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (true) WITH CHECK ((length(body) > 0));
CREATE POLICY own_notes ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));
COMMENT ON POLICY own_notes ON public.notes IS 'owners see their notes';
CREATE POLICY read_shared ON public.notes AS PERMISSIVE FOR SELECT TO pg_monitor, pg_read_all_data USING (shared);
