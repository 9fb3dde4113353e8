CREATE OR REPLACE FUNCTION public.f()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.n := 1; RETURN NEW; END $function$;
