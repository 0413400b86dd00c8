INSERT INTO t VALUES
  (11, 'a', '', '', ''),
  (12, 'b', 'x,y,z,w', 'only', 'm01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,m13,m14,m15,m16,m17,m18,m19,m20,m21,m22,m23,m24,m25,m26,m27,m28,m29,m30,m31,m32,m33,m34,m35,m36,m37,m38,m39,m40,m41,m42,m43,m44,m45,m46,m47,m48,m49,m50,m51,m52,m53,m54,m55,m56,m57,m58,m59,m60,m61,m62,m63,m64'),
  (13, 'c', 'z,x', '', 'm64'),
  (14, 'ÿ', 'w', 'only', 'm01,m64'),
  (15, 'with space', 'y', '', 'm32,m33'),
  (16, 'quote''inside', 'x', '', '');
UPDATE t SET s = 'x,w', e = 'b' WHERE id = 1;
UPDATE t SET s = '' WHERE id = 12;
DELETE FROM t WHERE id = 5;
