SET LOCAL lock_timeout = '5s';
COMMENT ON INDEX public.t_a_idx IS NULL;
