SET LOCAL lock_timeout = '5s';
ALTER POLICY own_notes ON public.notes RENAME TO own;
