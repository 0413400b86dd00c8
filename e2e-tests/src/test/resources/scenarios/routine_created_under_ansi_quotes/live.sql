CALL relabel(1, 'ONE');
INSERT INTO "quoted table" VALUES (3, label_of(2));
INSERT INTO "quoted table" VALUES (4, '  padded  ');
