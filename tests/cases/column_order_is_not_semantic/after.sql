CREATE TABLE public.t (c bool, a int, b text);
