SET LOCAL lock_timeout = '5s';
COMMENT ON TABLE public.users IS NULL;
