SET LOCAL lock_timeout = '5s';
ALTER FUNCTION public.add_one(integer) RENAME TO increment;
