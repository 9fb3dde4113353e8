INSERT INTO public.people VALUES (1);
INSERT INTO public.posts VALUES (1, 1);
