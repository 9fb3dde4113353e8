CREATE TABLE public.orders (id bigint PRIMARY KEY, city varchar(40), zip text, amount int);
CREATE STATISTICS public.orders_city_zip ON city, zip FROM public.orders;
