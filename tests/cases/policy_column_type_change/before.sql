CREATE TABLE public.notes (id bigint PRIMARY KEY, owner_id int NOT NULL, level smallint NOT NULL DEFAULT 0);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.notes USING (owner_id = 42 AND level < 3);
CREATE POLICY other ON public.notes FOR SELECT USING (id > 0);
