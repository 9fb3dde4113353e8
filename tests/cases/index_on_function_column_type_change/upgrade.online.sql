DROP INDEX CONCURRENTLY public.codes_norm;
SET LOCAL lock_timeout = '5s';
-- rebuilt: public.codes_v depends on public.codes.code
DROP VIEW public.codes_v;
ALTER TABLE public.codes ALTER COLUMN code TYPE text;
CREATE INDEX CONCURRENTLY codes_norm ON public.codes USING btree ((public.norm(code)));
SET LOCAL lock_timeout = '5s';
-- rebuilt: public.codes_v depends on public.codes.code
CREATE VIEW public.codes_v AS
 SELECT codes.id,
    public.norm(codes.code) AS n
   FROM public.codes;
