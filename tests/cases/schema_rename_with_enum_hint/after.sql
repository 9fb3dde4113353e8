CREATE SCHEMA new;
CREATE TYPE new.kind AS ENUM ('a', 'b');
CREATE TABLE new.things (id int PRIMARY KEY, k new.kind DEFAULT 'a');
