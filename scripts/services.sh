#!/usr/bin/env bash
# Start the PostgreSQL and Redis servers that the staff desk and the test suite use.
#
# Both listen on 127.0.0.1 only: PostgreSQL on 5432 with "trust" for local
# connections (so tests can create and drop their own databases without a
# password), Redis on 6379 without persistence (it only holds login-throttling
# counters). Works as root in a container without systemd; safe to run again.
# With --install-only it only installs the packages: the test suite starts
# throwaway servers of its own from their binaries.
set -euo pipefail

PG_PORT=5432
REDIS_PORT=6379
HBA_MARKER="# oi-advisor: local trust"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local packages=()
    command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
    [ "${#packages[@]}" -eq 0 ] && return 0
    echo "installing ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

pg_cluster() {
    # Prints "VERSION NAME" of the first cluster, creating one when there is none.
    local line
    line="$(pg_lsclusters -h 2>/dev/null | head -n 1)"
    if [ -z "$line" ]; then
        local version
        version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        as_root pg_createcluster --port "$PG_PORT" "$version" main >/dev/null
        line="$(pg_lsclusters -h | head -n 1)"
    fi
    echo "$line" | awk '{print $1, $2}'
}

configure_pg() {
    local version="$1" name="$2" dir="/etc/postgresql/$1/$2"
    as_root mkdir -p "$dir/conf.d"
    printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT" |
        as_root tee "$dir/conf.d/oi-advisor.conf" >/dev/null
    if ! as_root grep -qF "$HBA_MARKER" "$dir/pg_hba.conf"; then
        local tmp
        tmp="$(mktemp)"
        {
            echo "$HBA_MARKER"
            echo "local all all trust"
            echo "host all all 127.0.0.1/32 trust"
            echo "host all all ::1/128 trust"
            echo "# end oi-advisor"
            as_root cat "$dir/pg_hba.conf"
        } >"$tmp"
        as_root install -m 640 -o postgres -g postgres "$tmp" "$dir/pg_hba.conf"
        rm -f "$tmp"
    fi
}

start_pg() {
    local version name
    read -r version name < <(pg_cluster)
    configure_pg "$version" "$name"
    if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n' | grep -q online; then
        as_root pg_ctlcluster "$version" "$name" reload
    else
        as_root pg_ctlcluster "$version" "$name" start
        echo "started PostgreSQL $version ($name) on 127.0.0.1:$PG_PORT"
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0
        sleep 1
    done
    echo "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT" >&2
    return 1
}

start_redis() {
    if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
        # Already running (maybe started by the package): switch persistence off.
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config set save "" >/dev/null
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config set appendonly no >/dev/null
        return 0
    fi
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
        --daemonize yes --dir "${TMPDIR:-/tmp}" \
        --logfile "${TMPDIR:-/tmp}/oi-advisor-redis.log" >/dev/null
    for _ in $(seq 1 30); do
        if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
            echo "started Redis on 127.0.0.1:$REDIS_PORT (no persistence)"
            return 0
        fi
        sleep 0.2
    done
    echo "Redis did not answer on 127.0.0.1:$REDIS_PORT" >&2
    return 1
}

install_missing
if [ "${1:-}" = "--install-only" ]; then
    exit 0
fi
start_pg
start_redis
