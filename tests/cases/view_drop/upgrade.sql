DROP VIEW public.w;
DROP VIEW public.v;
