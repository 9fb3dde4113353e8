SET LOCAL lock_timeout = '5s';
DROP PROCEDURE public.note(IN m text);
CREATE OR REPLACE FUNCTION public.note(m text)
 RETURNS void
 LANGUAGE sql
AS $function$ INSERT INTO public.log VALUES (m) $function$;
