INSERT INTO item VALUES (3, 'c', 9.99, 1.5, '1999-12-31 23:59:59.999999', x'7f');
UPDATE item SET price = 2.00 WHERE id = 1;
DELETE FROM item WHERE id = 2;
CALL add_item(4, 'd');
