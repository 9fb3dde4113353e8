SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION public.new_code()
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN md5(random()::text); END $function$;
ALTER TABLE public.codes ALTER COLUMN code SET DEFAULT public.new_code();
CREATE OR REPLACE FUNCTION public.norm(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(t) $function$;
-- hazard: blocks-writes public.codes
-- hazard: may-fail-on-existing-rows public.codes.codes_code_check
ALTER TABLE public.codes ADD CONSTRAINT codes_code_check CHECK ((public.norm(code) <> ''::text)) NOT VALID;
ALTER TABLE public.codes VALIDATE CONSTRAINT codes_code_check;
CREATE INDEX CONCURRENTLY codes_norm ON public.codes USING btree ((public.norm(code)));
