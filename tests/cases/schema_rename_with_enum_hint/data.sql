INSERT INTO old.things VALUES (1, 'b');
