INSERT INTO public.t (s) VALUES ('a');
