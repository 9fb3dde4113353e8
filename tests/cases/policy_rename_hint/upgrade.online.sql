SET LOCAL lock_timeout = '5s';
ALTER POLICY own ON public.notes RENAME TO own_notes;
