DROP INDEX CONCURRENTLY public.codes_norm;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.codes DROP CONSTRAINT codes_code_check;
DROP FUNCTION public.norm(t text);
ALTER TABLE public.codes ALTER COLUMN code DROP DEFAULT;
DROP FUNCTION public.new_code();
