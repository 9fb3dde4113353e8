SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION public.add_one(a integer)
 RETURNS integer
 LANGUAGE plpgsql
 STABLE STRICT SECURITY DEFINER
 SET search_path TO 'public'
AS $function$ BEGIN RETURN a + 1 + 0; END $function$;
COMMENT ON FUNCTION public.add_one(a integer) IS 'adds one';
