#!/bin/sh
# docker-compose: runs once, when the postgres container initialises an empty data directory
# (/docker-entrypoint-initdb.d). Creates ingestion-service's own role and database beside report-service's.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$MODSUITE_INGESTION_DB_PASSWORD" <<'SQL'
CREATE ROLE modsuite_ingestion LOGIN PASSWORD :'pw';
CREATE DATABASE modsuite_ingestion OWNER modsuite_ingestion ENCODING 'UTF8';
SQL
