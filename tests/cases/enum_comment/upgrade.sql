COMMENT ON TYPE public.mood IS 'feelings';
