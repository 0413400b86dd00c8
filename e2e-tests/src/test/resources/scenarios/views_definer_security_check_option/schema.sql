CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  v VARCHAR(20),
  n INT NOT NULL
);
INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 20), (3, 'c', 300);
CREATE VIEW v_plain AS SELECT id, v FROM t;
CREATE DEFINER = CURRENT_USER SQL SECURITY DEFINER VIEW v_definer AS SELECT id, n FROM t WHERE n > 1;
CREATE SQL SECURITY INVOKER VIEW v_invoker AS SELECT id, UPPER(v) AS v_up FROM t;
CREATE ALGORITHM = MERGE VIEW v_checked AS SELECT id, v, n FROM t WHERE n < 100 WITH CASCADED CHECK OPTION;
CREATE VIEW v_local_checked AS SELECT id, v, n FROM v_checked WHERE n > 0 WITH LOCAL CHECK OPTION;
-- a view on a view, and one on two views
CREATE VIEW v_on_view AS SELECT id FROM v_definer WHERE id > 1;
CREATE VIEW v_joined (a_id, b_n) AS SELECT p.id, d.n FROM v_plain p JOIN v_definer d ON d.id = p.id;
-- the application writes through an updatable view
INSERT INTO v_checked VALUES (4, 'through view', 50);
