CREATE TABLE public.orders (id bigint PRIMARY KEY, city text, zip text, amount int);
CREATE STATISTICS public.orders_city_zip (ndistinct, mcv) ON city, zip FROM public.orders;
CREATE STATISTICS public.orders_t ON city, amount FROM public.orders;
ALTER STATISTICS public.orders_t SET STATISTICS 50;
