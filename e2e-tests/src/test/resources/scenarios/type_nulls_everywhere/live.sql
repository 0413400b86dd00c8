INSERT INTO t (id) VALUES (11);
UPDATE t SET ti = NULL, bo = NULL, bi = NULL, dc = NULL, f = NULL, d = NULL, b1 = NULL, b8 = NULL, b64 = NULL,
  c = NULL, vc = NULL, tx = NULL, l1 = NULL, bn = NULL, vb = NULL, bl = NULL, e = NULL, s = NULL, j = NULL,
  g = NULL, p = NULL, y = NULL, dt = NULL, tm = NULL, dtt = NULL, ts = NULL WHERE id = 2;
UPDATE t SET ti = 5, vc = 'now set', dtt = '2000-01-01 00:00:00' WHERE id = 1;
