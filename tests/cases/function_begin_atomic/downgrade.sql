DROP FUNCTION public.user_count();
DROP FUNCTION public.email_of(uid bigint);
