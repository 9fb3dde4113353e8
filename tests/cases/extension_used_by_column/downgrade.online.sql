SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.t
DROP TABLE public.t;
DROP EXTENSION citext;
