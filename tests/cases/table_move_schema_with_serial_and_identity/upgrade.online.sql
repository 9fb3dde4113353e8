SET LOCAL lock_timeout = '5s';
CREATE SCHEMA shop;
ALTER TABLE public.orders SET SCHEMA shop;
