SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ADD COLUMN legacy bigint;
ALTER SEQUENCE public.s OWNED BY public.t.legacy;
