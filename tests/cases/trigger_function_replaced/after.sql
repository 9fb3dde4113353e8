CREATE TABLE public.t (id int, n int);
CREATE FUNCTION public.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.n := 1; RETURN NEW; END $$;
CREATE TRIGGER t_f BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f();
