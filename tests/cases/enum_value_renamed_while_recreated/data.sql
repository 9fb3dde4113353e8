INSERT INTO public.people VALUES (1, 'ok', NULL), (2, 'sad', NULL);
