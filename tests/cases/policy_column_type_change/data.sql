INSERT INTO public.notes VALUES (1, 42, 1), (2, 7, 0);
