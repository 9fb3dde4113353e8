ALTER TYPE types.mood SET SCHEMA public;
DROP SCHEMA types;
