INSERT INTO public.t VALUES (1, 1, 'x', '{}', now()), (2, NULL, NULL, NULL, NULL);
