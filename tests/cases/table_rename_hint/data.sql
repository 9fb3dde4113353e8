INSERT INTO public.people (email, age) VALUES ('a', 1), ('b', 2);
