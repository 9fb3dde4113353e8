INSERT INTO public.agents VALUES (1, 'active'), (2, 'retired');
