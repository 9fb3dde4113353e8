ALTER TABLE public.t ADD COLUMN legacy bigint;
ALTER SEQUENCE public.s OWNED BY public.t.legacy;
