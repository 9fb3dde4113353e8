ALTER TABLE shop.orders SET SCHEMA public;
DROP SCHEMA shop;
