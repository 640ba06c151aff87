#!/bin/sh
# pg_ctl wrapper used as pytest-postgresql's executable (see tests/support/services.py).
#
# Why: PostgreSQL (initdb, postgres) refuses to run as root, and CI runs as root.
# `runuser -u postgres` does not help because pytest's temp dirs are root-only (0700).
# Instead we run pg_ctl inside a fresh user namespace that maps the current (root)
# uid to an unprivileged uid: the processes are non-root from PostgreSQL's point of
# view, while root-owned files (pytest's temp dirs) appear to be owned by that uid.
# When not root, this simply execs the real pg_ctl.
set -eu
real="${CROSSFLOW_PG_CTL_REAL:?CROSSFLOW_PG_CTL_REAL must name the real pg_ctl}"
if [ "$(id -u)" != 0 ]; then
    exec "$real" "$@"
fi
# initdb looks up its effective uid in /etc/passwd, so map to an account that exists:
# the Debian 'postgres' user if present, else 'nobody'.
uid=$(id -u postgres 2>/dev/null || id -u nobody)
gid=$(id -g postgres 2>/dev/null || id -g nobody)
exec unshare --user --map-user="$uid" --map-group="$gid" -- "$real" "$@"
