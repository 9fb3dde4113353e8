SET LOCAL lock_timeout = '5s';
-- rebuilt: policy public.notes.own depends on public.is_owner(text)
DROP POLICY own ON public.notes;
DROP FUNCTION public.is_owner(who text);
CREATE OR REPLACE FUNCTION public.is_owner(o text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT o = current_user $function$;
-- rebuilt: policy public.notes.own depends on public.is_owner(text)
CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (public.is_owner(owner));
