INSERT INTO public.codes (id) VALUES (1), (2); INSERT INTO public.codes VALUES (3, 'Kept');
