SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.s OWNED BY NONE;
