CREATE SCHEMA new;
CREATE TABLE new.items (id serial PRIMARY KEY, name text);
CREATE INDEX items_name_idx ON new.items (name);
