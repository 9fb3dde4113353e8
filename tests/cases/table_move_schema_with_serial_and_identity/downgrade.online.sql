SET LOCAL lock_timeout = '5s';
ALTER TABLE shop.orders SET SCHEMA public;
DROP SCHEMA shop;
