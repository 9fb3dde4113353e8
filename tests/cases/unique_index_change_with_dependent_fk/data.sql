INSERT INTO public.p VALUES (1, 'a');
INSERT INTO public.c VALUES (1, 'a');
