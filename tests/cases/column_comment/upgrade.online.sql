SET LOCAL lock_timeout = '5s';
COMMENT ON COLUMN public.users.email IS 'login';
COMMENT ON COLUMN public.users.age IS 'in years';
