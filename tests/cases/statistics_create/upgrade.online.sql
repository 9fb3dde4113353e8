SET LOCAL lock_timeout = '5s';
CREATE STATISTICS public.orders_city_zip (ndistinct, dependencies) ON city, zip FROM public.orders;
COMMENT ON STATISTICS public.orders_city_zip IS 'correlated';
CREATE STATISTICS public.orders_expr ON lower(city), (amount * 2) FROM public.orders;
ALTER STATISTICS public.orders_expr SET STATISTICS 500;
