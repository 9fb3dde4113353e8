DROP FUNCTION public.add_one(a text);
DROP FUNCTION public.add_one(a bigint);
