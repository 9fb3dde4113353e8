SET LOCAL lock_timeout = '5s';
COMMENT ON TYPE public.mood IS 'feelings';
