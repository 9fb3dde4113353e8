INSERT INTO public.users VALUES (1, 'a@x', 30);
