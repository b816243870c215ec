#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary directory,
# a server on a free local port (as the unprivileged `postgres` user when run as root),
# DATABASE_URL pointing at it, and everything removed afterwards, whatever the outcome.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL is not installed (scripts/ensure-system-packages.sh)" >&2; exit 1; }

workdir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$workdir"
    as_owner=(runuser -u postgres --)
fi

stop() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap stop EXIT

# C.UTF-8 so that pg_trgm indexes Chinese text (see docs/ARCHITECTURE.md); durability is
# irrelevant for a cluster that lives for one test run.
"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U gongkai --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U gongkai gongkai

echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
DATABASE_URL="postgres://gongkai@127.0.0.1:$port/gongkai" "$@"
