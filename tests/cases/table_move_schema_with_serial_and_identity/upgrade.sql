CREATE SCHEMA shop;
ALTER TABLE public.orders SET SCHEMA shop;
