CREATE TABLE public.orders (id bigint PRIMARY KEY, city text, zip text, amount int);
CREATE STATISTICS public.orders_city_zip (ndistinct, dependencies) ON city, zip FROM public.orders;
CREATE STATISTICS public.orders_expr ON lower(city), (amount * 2) FROM public.orders;
ALTER STATISTICS public.orders_expr SET STATISTICS 500;
COMMENT ON STATISTICS public.orders_city_zip IS 'correlated';
