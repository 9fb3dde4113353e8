ALTER STATISTICS public.orders_t SET STATISTICS -1;
DROP STATISTICS public.orders_city_zip;
CREATE STATISTICS public.orders_city_zip (ndistinct) ON city, zip FROM public.orders;
