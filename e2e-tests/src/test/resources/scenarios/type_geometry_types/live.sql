INSERT INTO t VALUES
  (11, ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('POINT(-1.5 1e300)'),
       ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))'), ST_GeomFromText('LINESTRING(0 0,1 1,2 0.5)'),
       ST_GeomFromText('MULTIPOINT(1 1,2 2)'), ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))')),
  (12, ST_GeomFromText('POLYGON((0 0,1 0,0 1,0 0))', 4326), ST_GeomFromText('POINT(0.1 -0.2)', 4326),
       ST_GeomFromText('POLYGON((0 0,1 0,0 1,0 0))', 3857), ST_GeomFromText('LINESTRING(0 0,1 1)', 4326),
       ST_GeomFromText('MULTIPOINT(0 0)', 4326), ST_GeomFromText('GEOMETRYCOLLECTION(POINT(3 4))', 4326)),
  (13, ST_GeomFromText('GEOMETRYCOLLECTION EMPTY'), ST_GeomFromText('POINT(0 0)'), NULL, NULL, NULL,
       ST_GeomFromText('GEOMETRYCOLLECTION EMPTY'));
UPDATE t SET p = ST_GeomFromText('POINT(7 8)') WHERE id = 1;
