ALTER FUNCTION public.increment(integer) RENAME TO add_one;
