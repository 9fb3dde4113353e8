DROP FUNCTION public.add_one(a integer);
CREATE OR REPLACE FUNCTION public.add_one(a integer)
 RETURNS bigint
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN a + 1; END $function$;
