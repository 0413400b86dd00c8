-- a new id takes the code of an existing row: that row is deleted
REPLACE INTO t (code, v) VALUES ('a', 'second a');
REPLACE INTO t (id, code, v) VALUES (50, 'b', 'b under id 50');
-- the same statement replacing by code again
REPLACE INTO t (id, code, v) VALUES (51, 'b', 'b under id 51'), (52, 'd', 'new d');
