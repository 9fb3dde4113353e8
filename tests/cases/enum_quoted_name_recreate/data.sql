INSERT INTO "Odd".t VALUES (1, 'a'), (2, 'b');
