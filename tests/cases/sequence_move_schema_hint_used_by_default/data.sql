INSERT INTO public.tickets (t) VALUES ('a');
