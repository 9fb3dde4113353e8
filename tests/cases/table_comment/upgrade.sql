COMMENT ON TABLE public.users IS 'people';
