INSERT INTO public.users (id, email) VALUES (3, 'c@x');
DO $$ BEGIN IF (SELECT count(*) FROM public.users WHERE active) <> 3 THEN RAISE EXCEPTION 'existing rows did not get the default'; END IF; END $$;
