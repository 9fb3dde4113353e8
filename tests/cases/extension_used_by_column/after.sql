CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.t (id int PRIMARY KEY, email public.citext);
