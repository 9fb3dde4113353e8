INSERT INTO public.p (id, a) VALUES (1, 0), (2, 5);
INSERT INTO public.c VALUES (10, 0);
