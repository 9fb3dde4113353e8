SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.s OWNED BY NONE;
-- hazard: data-loss public.t.legacy
ALTER TABLE public.t DROP COLUMN legacy;
