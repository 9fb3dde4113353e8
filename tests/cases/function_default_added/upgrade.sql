CREATE OR REPLACE FUNCTION public.add_one(a integer DEFAULT 0)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN a + 1; END $function$;
