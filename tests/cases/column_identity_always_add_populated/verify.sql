INSERT INTO public.t (s) VALUES ('next');
