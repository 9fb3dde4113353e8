INSERT INTO public.people VALUES (1, 'sad'), (2, 'ok');
