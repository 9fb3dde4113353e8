CREATE TABLE public.notes (
    id bigint NOT NULL,
    owner text DEFAULT CURRENT_USER NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (id)
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE OR REPLACE FUNCTION public.is_owner(o text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT o = current_user $function$;
CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (public.is_owner(owner));
