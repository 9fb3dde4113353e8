INSERT INTO public.people VALUES (1, 'ok', '{sad,happy}'), (2, 'happy', NULL);
INSERT INTO public.notes VALUES (1, 'ok');
