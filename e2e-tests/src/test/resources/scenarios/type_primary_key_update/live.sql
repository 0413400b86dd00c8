UPDATE t SET id = 10 WHERE id = 1;
UPDATE t SET k = 'bb', v = 'two changed' WHERE id = 2;
