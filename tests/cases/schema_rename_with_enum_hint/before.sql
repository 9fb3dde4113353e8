CREATE SCHEMA old;
CREATE TYPE old.kind AS ENUM ('a', 'b');
CREATE TABLE old.things (id int PRIMARY KEY, k old.kind DEFAULT 'a');
