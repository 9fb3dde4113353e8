SET LOCAL lock_timeout = '5s';
-- rebuilt: public.codes_norm depends on public.norm(text)
DROP INDEX public.codes_norm;
-- rebuilt: public.codes.codes_code_check depends on public.norm(text)
ALTER TABLE public.codes DROP CONSTRAINT codes_code_check;
DROP FUNCTION public.norm(s text);
CREATE OR REPLACE FUNCTION public.norm(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(t) $function$;
-- rebuilt: the default of public.codes.code depends on public.new_code(integer)
ALTER TABLE public.codes ALTER COLUMN code DROP DEFAULT;
DROP FUNCTION public.new_code(len integer);
CREATE OR REPLACE FUNCTION public.new_code(n integer)
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN left(md5(random()::text), n); END $function$;
-- rebuilt: the default of public.codes.code depends on public.new_code(integer)
ALTER TABLE public.codes ALTER COLUMN code SET DEFAULT public.new_code(8);
-- hazard: blocks-writes public.codes
-- rebuilt: public.codes_norm depends on public.norm(text)
CREATE INDEX codes_norm ON public.codes USING btree ((public.norm(code)));
-- hazard: blocks-writes public.codes
-- hazard: may-fail-on-existing-rows public.codes.codes_code_check
-- rebuilt: public.codes.codes_code_check depends on public.norm(text)
ALTER TABLE public.codes ADD CONSTRAINT codes_code_check CHECK ((public.norm(code) <> ''::text));
