#!/bin/sh
# Creates one login role and one schema per service, each role owning its schema only.
set -e
for svc in identity subscriptions payments invoicing efactura_gateway notifications; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'obolus_${svc}') THEN
    CREATE ROLE obolus_${svc} LOGIN PASSWORD 'obolus_${svc}_local';
  END IF;
END \$\$;
CREATE SCHEMA IF NOT EXISTS ${svc} AUTHORIZATION obolus_${svc};
REVOKE ALL ON SCHEMA ${svc} FROM PUBLIC;
ALTER ROLE obolus_${svc} SET search_path TO ${svc};
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
