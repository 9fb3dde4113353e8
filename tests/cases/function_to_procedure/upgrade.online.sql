SET LOCAL lock_timeout = '5s';
DROP FUNCTION public.note(m text);
CREATE OR REPLACE PROCEDURE public.note(IN m text)
 LANGUAGE sql
AS $procedure$ INSERT INTO public.log VALUES (m) $procedure$;
