SET LOCAL lock_timeout = '5s';
ALTER FUNCTION public.increment(integer) RENAME TO add_one;
