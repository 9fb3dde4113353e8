SET LOCAL lock_timeout = '5s';
COMMENT ON COLUMN public.users.age IS 'years';
COMMENT ON COLUMN public.users.email IS NULL;
