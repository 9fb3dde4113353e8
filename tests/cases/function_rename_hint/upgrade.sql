ALTER FUNCTION public.add_one(integer) RENAME TO increment;
