INSERT INTO public.codes VALUES (1, 'ABC');
