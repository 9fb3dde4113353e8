DROP FUNCTION public.add_one(a integer);
CREATE OR REPLACE FUNCTION public.add_one(a integer)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN a + 1; END $function$;
