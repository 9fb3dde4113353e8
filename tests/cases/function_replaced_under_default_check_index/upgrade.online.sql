SET LOCAL lock_timeout = '5s';
-- rebuilt: public.codes.codes_code_check depends on public.norm(text)
ALTER TABLE public.codes DROP CONSTRAINT codes_code_check;
-- rebuilt: public.codes_norm depends on public.norm(text)
DROP INDEX public.codes_norm;
-- rebuilt: the default of public.codes.code depends on public.new_code(integer)
ALTER TABLE public.codes ALTER COLUMN code DROP DEFAULT;
DROP FUNCTION public.new_code(n integer);
CREATE OR REPLACE FUNCTION public.new_code(len integer)
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN left(md5(random()::text), len); END $function$;
-- rebuilt: the default of public.codes.code depends on public.new_code(integer)
ALTER TABLE public.codes ALTER COLUMN code SET DEFAULT public.new_code(8);
DROP FUNCTION public.norm(t text);
CREATE OR REPLACE FUNCTION public.norm(s text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(s) $function$;
-- hazard: blocks-writes public.codes
-- hazard: may-fail-on-existing-rows public.codes.codes_code_check
-- rebuilt: public.codes.codes_code_check depends on public.norm(text)
ALTER TABLE public.codes ADD CONSTRAINT codes_code_check CHECK ((public.norm(code) <> ''::text));
-- hazard: blocks-writes public.codes
-- rebuilt: public.codes_norm depends on public.norm(text)
CREATE INDEX codes_norm ON public.codes USING btree ((public.norm(code)));
