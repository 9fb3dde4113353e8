SET LOCAL lock_timeout = '5s';
DROP POLICY read_shared ON public.notes;
DROP POLICY own_notes ON public.notes;
DROP POLICY no_empty ON public.notes;
DROP POLICY keep ON public.notes;
DROP POLICY add_notes ON public.notes;
