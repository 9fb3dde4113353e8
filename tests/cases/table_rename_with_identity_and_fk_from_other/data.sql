INSERT INTO public.people (name) VALUES ('a');
INSERT INTO public.posts VALUES (1, 1);
