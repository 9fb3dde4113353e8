SET LOCAL lock_timeout = '5s';
ALTER POLICY c ON public.notes WITH CHECK ((owner = CURRENT_USER));
DROP POLICY b ON public.notes;
CREATE POLICY b ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (true);
DROP POLICY a ON public.notes;
CREATE POLICY a ON public.notes AS PERMISSIVE FOR SELECT TO PUBLIC USING (shared);
