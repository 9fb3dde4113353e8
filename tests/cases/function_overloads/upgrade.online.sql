SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION public.add_one(a bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT a + 1 $function$;
CREATE OR REPLACE FUNCTION public.add_one(a text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN (a || '1'::text);
