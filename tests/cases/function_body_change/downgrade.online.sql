SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION public.add_one(a integer)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN a + 1; END $function$;
COMMENT ON FUNCTION public.add_one(a integer) IS NULL;
