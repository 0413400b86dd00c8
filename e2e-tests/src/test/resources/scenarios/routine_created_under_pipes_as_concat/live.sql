INSERT INTO t (id, first, last) VALUES (2, 'Alan', 'Turing');
UPDATE t SET full_name = NULL WHERE id = 1;
CALL fill_names();
INSERT INTO t (id, first, last, full_name) VALUES (3, 'Grace', 'Hopper', full_name_of('Grace', 'Hopper'));
