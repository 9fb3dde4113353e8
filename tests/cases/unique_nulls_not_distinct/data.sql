INSERT INTO public.parent VALUES (1, 'a', 1), (2, 'b', 1);
