#!/bin/sh
# First start of the source container only (docker-entrypoint-initdb.d): a demo database and the migration
# account with the least privileges of docs/SECURITY.md.
set -eu
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE shop;
CREATE TABLE shop.orders (id INT PRIMARY KEY AUTO_INCREMENT, item VARCHAR(40) NOT NULL, amount DECIMAL(10,2) NOT NULL);
INSERT INTO shop.orders (item, amount) VALUES ('tea', 3.50), ('cake', 4.20), ('scone', 2.80);
CREATE USER '${SOURCE_USER}'@'%' IDENTIFIED BY '${SOURCE_PASSWORD}';
GRANT SELECT, LOCK TABLES, SHOW VIEW, TRIGGER, EVENT ON \`shop\`.* TO '${SOURCE_USER}'@'%';
GRANT RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '${SOURCE_USER}'@'%';
GRANT SHOW_ROUTINE ON *.* TO '${SOURCE_USER}'@'%';
SQL
