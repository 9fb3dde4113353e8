INSERT INTO public.job VALUES (1, 'new'), (2, 'done');
