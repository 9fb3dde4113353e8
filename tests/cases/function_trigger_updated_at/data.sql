INSERT INTO public.agents (id, name) VALUES (1, 'a');
