INSERT INTO public.t VALUES (3, 'a'), (9, 'b');
