INSERT INTO public.t0 VALUES (1, 'd');
