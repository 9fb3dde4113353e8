ALTER POLICY own_notes ON public.notes RENAME TO own;
