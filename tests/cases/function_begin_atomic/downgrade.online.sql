SET LOCAL lock_timeout = '5s';
DROP FUNCTION public.user_count();
DROP FUNCTION public.email_of(uid bigint);
