SET LOCAL lock_timeout = '5s';
-- rebuilt: policy public.notes.own depends on public.notes.owner_id
DROP POLICY own ON public.notes;
-- hazard: rewrites-table public.notes
-- hazard: may-fail-on-existing-rows public.notes.owner_id
ALTER TABLE public.notes ALTER COLUMN owner_id TYPE integer USING owner_id::integer;
-- rebuilt: policy public.notes.own depends on public.notes.owner_id
CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (((owner_id = 42) AND (level < 3)));
