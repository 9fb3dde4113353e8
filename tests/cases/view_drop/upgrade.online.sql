SET LOCAL lock_timeout = '5s';
DROP VIEW public.w;
DROP VIEW public.v;
