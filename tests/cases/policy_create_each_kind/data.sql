INSERT INTO public.notes (id, body) VALUES (1, 'a'), (2, 'b');
