INSERT INTO public.t (s) VALUES ('new row takes the next free id');
