SET LOCAL lock_timeout = '5s';
DROP POLICY own ON public.notes;
DROP FUNCTION public.is_owner(o text);
-- hazard: data-loss public.notes
DROP TABLE public.notes;
