-- hazard: data-loss public.t
DROP TABLE public.t;
DROP EXTENSION citext;
