CREATE TABLE public.items (
    id bigint NOT NULL,
    label text NOT NULL,
    twin text,
    CONSTRAINT items_pkey PRIMARY KEY (id)
);
CREATE OR REPLACE FUNCTION public.blank_item()
 RETURNS public.items
 LANGUAGE plpgsql
 STABLE
AS $function$ BEGIN RETURN ROW(0, 'blank', NULL); END $function$;
ALTER TABLE public.items ALTER COLUMN twin SET DEFAULT (public.blank_item()).label;
CREATE OR REPLACE FUNCTION public.next_item_id()
 RETURNS bigint
 LANGUAGE sql
AS $function$ SELECT coalesce(max(id), 0) + 1 FROM public.items $function$;
ALTER TABLE public.items ALTER COLUMN id SET DEFAULT public.next_item_id();
