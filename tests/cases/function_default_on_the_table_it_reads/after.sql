CREATE TABLE public.other (id bigint PRIMARY KEY);
CREATE TABLE public.items (id bigint PRIMARY KEY, label text NOT NULL, twin text);
CREATE FUNCTION public.next_item_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT coalesce(max(id), 0) + 1 FROM public.items $$;
CREATE FUNCTION public.blank_item() RETURNS public.items LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN ROW(0, 'blank', NULL); END $$;
ALTER TABLE public.items ALTER COLUMN id SET DEFAULT public.next_item_id();
ALTER TABLE public.items ALTER COLUMN twin SET DEFAULT (public.blank_item()).label;
