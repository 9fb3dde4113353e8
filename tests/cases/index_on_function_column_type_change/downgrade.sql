-- rebuilt: public.codes_v depends on public.codes.code
DROP VIEW public.codes_v;
DROP INDEX public.codes_norm;
-- hazard: rewrites-table public.codes
-- hazard: may-fail-on-existing-rows public.codes.code
ALTER TABLE public.codes ALTER COLUMN code TYPE character varying(10) USING code::character varying(10);
-- rebuilt: public.codes_v depends on public.codes.code
CREATE VIEW public.codes_v AS
 SELECT codes.id,
    public.norm(codes.code::text) AS n
   FROM public.codes;
-- hazard: blocks-writes public.codes
CREATE INDEX codes_norm ON public.codes USING btree ((public.norm((code)::text)));
