COMMENT ON COLUMN public.users.age IS 'years';
COMMENT ON COLUMN public.users.email IS NULL;
