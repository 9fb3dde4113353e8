CREATE TABLE public.log (msg text);
CREATE FUNCTION public.note(m text) RETURNS void LANGUAGE sql AS $$ INSERT INTO public.log VALUES (m) $$;
