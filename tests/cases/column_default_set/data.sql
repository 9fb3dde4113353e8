INSERT INTO public.users VALUES (1, 'a@x', 30), (2, 'b@x', NULL);
