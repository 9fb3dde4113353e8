CREATE SCHEMA old;
CREATE TABLE old.items (id serial PRIMARY KEY, name text);
CREATE INDEX items_name_idx ON old.items (name);
