SET LOCAL lock_timeout = '5s';
DROP TRIGGER agents_updated_at ON public.agents;
DROP FUNCTION public.set_updated_at();
