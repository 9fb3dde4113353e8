DROP STATISTICS public.orders_expr;
DROP STATISTICS public.orders_city_zip;
