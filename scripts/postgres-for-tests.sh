#!/usr/bin/env bash
# Makes a PostgreSQL server available for the audit store tests and prints the connection string.
#
#   eval "$(scripts/postgres-for-tests.sh)"    # exports KUBEMATE_TEST_POSTGRES for the tests that follow
#
# Installs Debian's postgresql if it is missing, starts a cluster that listens on 127.0.0.1 only,
# and creates (or resets the password of) a login role and database for the tests.
# Only the export line goes to stdout; progress and errors go to stderr. Needs root or sudo.
set -euo pipefail

role="${KUBEMATE_TEST_PG_ROLE:-kubemate_test}"
database="${KUBEMATE_TEST_PG_DATABASE:-kubemate_test}"
password="${KUBEMATE_TEST_PG_PASSWORD:-kubemate_test}"
port="${KUBEMATE_TEST_PG_PORT:-5432}"

log() { echo "postgres-for-tests: $*" >&2; }
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi

# The client alone (psql) ships /usr/lib/postgresql/N/bin too: look for the server binary itself.
if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

version="$(ls -d /usr/lib/postgresql/*/bin/postgres | awk -F/ '{print $5}' | sort -V | tail -1)"
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $version/$cluster"
  $SUDO pg_createcluster "$version" "$cluster" --port "$port" >&2
fi

# Loopback only, whatever the cluster was configured with before: conf.d is read after postgresql.conf.
conf_dir="/etc/postgresql/$version/$cluster/conf.d"
$SUDO mkdir -p "$conf_dir"
printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$port" | $SUDO tee "$conf_dir/kubemate-tests.conf" >/dev/null

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
if [ "$status" = online ]; then
  log "restarting cluster $version/$cluster so it listens on 127.0.0.1:$port"
  $SUDO pg_ctlcluster "$version" "$cluster" restart >&2
else
  log "starting cluster $version/$cluster"
  $SUDO pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { $SUDO -u postgres "$@"; }
if [ -z "$SUDO" ]; then as_postgres() { runuser -u postgres -- "$@"; }; fi

for _ in $(seq 1 30); do
  if as_postgres pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
as_postgres pg_isready -h 127.0.0.1 -p "$port" >&2 || { log "server did not become ready on 127.0.0.1:$port"; exit 1; }

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  log "creating role $role"
  psql_admin -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'" >&2
else
  psql_admin -c "ALTER ROLE \"$role\" LOGIN PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  log "creating database $database"
  psql_admin -c "CREATE DATABASE \"$database\" OWNER \"$role\"" >&2
fi

connection="Host=127.0.0.1;Port=$port;Database=$database;Username=$role;Password=$password"
log "ready: KUBEMATE_TEST_POSTGRES=$connection"
echo "export KUBEMATE_TEST_POSTGRES='$connection'"
