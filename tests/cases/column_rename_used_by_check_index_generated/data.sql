INSERT INTO public.t (id, qty) VALUES (1, 5);
