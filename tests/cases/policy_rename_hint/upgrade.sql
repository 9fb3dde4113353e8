ALTER POLICY own ON public.notes RENAME TO own_notes;
