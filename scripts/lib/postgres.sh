# A throwaway PostgreSQL cluster on a free loopback port, from Debian's postgresql package.
# pg_start DIR   -> exports PG_PORT and PG_CONNECTION; pg_stop DIR removes the cluster.

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "error: PostgreSQL binaries not found under /usr/lib/postgresql; install the postgresql package." >&2; return 1; }
  echo "$dir"
}

free_port() {
  local port
  for port in $(seq "${1:-55432}" "${2:-55632}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "error: no free port found" >&2; return 1
}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local root=$1 bin
  bin=$(pg_bin)
  PG_PORT=$(free_port)
  mkdir -p "$root/data" "$root/run"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$root"
  pg_as_owner "$bin/initdb" -D "$root/data" -A trust -U postgres --no-sync >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; return 1; }
  pg_as_owner "$bin/pg_ctl" -D "$root/data" -l "$root/run/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $root/run -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$root/run/postgres.log" >&2; return 1; }
  export PG_PORT
  export PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  echo "==> PostgreSQL $(basename "$(dirname "$bin")") running on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  local root=$1 bin
  bin=$(pg_bin) || return 0
  if [ -f "$root/data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$root/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$root"
}
