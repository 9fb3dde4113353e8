DROP INDEX public.codes_norm;
-- rebuilt: public.codes_v depends on public.codes.code
DROP VIEW public.codes_v;
ALTER TABLE public.codes ALTER COLUMN code TYPE text;
-- hazard: blocks-writes public.codes
CREATE INDEX codes_norm ON public.codes USING btree ((public.norm(code)));
-- rebuilt: public.codes_v depends on public.codes.code
CREATE VIEW public.codes_v AS
 SELECT codes.id,
    public.norm(codes.code) AS n
   FROM public.codes;
