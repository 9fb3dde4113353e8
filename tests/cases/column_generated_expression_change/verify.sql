DO $$ BEGIN IF (SELECT total FROM public.t WHERE id = 1) <> 6 THEN RAISE EXCEPTION 'generated value not recomputed'; END IF; END $$;
