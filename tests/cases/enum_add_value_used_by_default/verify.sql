INSERT INTO public.people (id) VALUES (9);
DO $$ BEGIN IF (SELECT mood FROM public.people WHERE id = 9) <> 'happy' THEN RAISE EXCEPTION 'default not applied'; END IF; END $$;
