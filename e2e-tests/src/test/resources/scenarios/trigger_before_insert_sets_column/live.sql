INSERT INTO t (id, email) VALUES (3, 'CAROL@EXAMPLE.COM');
UPDATE t SET email = 'Bob.New@Example.com' WHERE id = 2;
UPDATE t SET email = CONCAT(email, ' ');
