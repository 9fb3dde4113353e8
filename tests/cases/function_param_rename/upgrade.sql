DROP FUNCTION public.add_one(a integer);
CREATE OR REPLACE FUNCTION public.add_one(n integer)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN n + 1; END $function$;
