INSERT INTO old.items (name) VALUES ('x'), ('y');
