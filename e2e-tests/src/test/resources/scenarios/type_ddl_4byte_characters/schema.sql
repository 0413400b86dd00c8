CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  e ENUM('plain', '😀'),
  s SET('x', '𝕏'),
  d VARCHAR(10) DEFAULT '😀' COMMENT 'emoji 😀 comment'
) COMMENT 'table 𝕏 comment';

INSERT INTO t VALUES (1, 'plain', 'x', 'a'), (2, '😀', 'x,𝕏', 'b');
INSERT INTO t (id) VALUES (3);
