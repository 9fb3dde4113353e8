SET LOCAL lock_timeout = '5s';
DROP FUNCTION public.add_one(a text);
DROP FUNCTION public.add_one(a bigint);
