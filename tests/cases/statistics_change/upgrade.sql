DROP STATISTICS public.orders_city_zip;
CREATE STATISTICS public.orders_city_zip (ndistinct, mcv) ON city, zip FROM public.orders;
ALTER STATISTICS public.orders_t SET STATISTICS 50;
