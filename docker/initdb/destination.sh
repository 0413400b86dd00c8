#!/bin/sh
# First start of the destination container only: the sink's account with the least privileges of docs/SECURITY.md.
set -eu
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER '${DESTINATION_USER}'@'%' IDENTIFIED BY '${DESTINATION_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON \`shop\`.* TO '${DESTINATION_USER}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX ON \`mysql_migrate\`.* TO '${DESTINATION_USER}'@'%';
SQL
