SET LOCAL lock_timeout = '5s';
-- rebuilt: public.codes_v depends on public.codes.code
DROP VIEW public.codes_v;
DROP INDEX CONCURRENTLY public.codes_norm;
SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.codes
-- hazard: may-fail-on-existing-rows public.codes.code
ALTER TABLE public.codes ALTER COLUMN code TYPE character varying(10) USING code::character varying(10);
-- rebuilt: public.codes_v depends on public.codes.code
CREATE VIEW public.codes_v AS
 SELECT codes.id,
    public.norm(codes.code::text) AS n
   FROM public.codes;
CREATE INDEX CONCURRENTLY codes_norm ON public.codes USING btree ((public.norm((code)::text)));
