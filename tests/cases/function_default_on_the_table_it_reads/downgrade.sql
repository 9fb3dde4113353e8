ALTER TABLE public.items ALTER COLUMN id DROP DEFAULT;
DROP FUNCTION public.next_item_id();
ALTER TABLE public.items ALTER COLUMN twin DROP DEFAULT;
DROP FUNCTION public.blank_item();
-- hazard: data-loss public.items
DROP TABLE public.items;
