INSERT INTO t VALUES (1, _latin1 0x81), (2, _latin1 0x8D8F909D), (3, 'plain');
