# Sourced by test-container.sh: a Docker daemon to talk to, and the commands to talk with.
# Uses the daemon that answers (DOCKER_HOST or the default socket); if none does, starts
# dockerd (root) the way these machines need it — no iptables, no bridge, every build and
# run on the host's network — with its data under ZCW_DOCKER_DIR, so images and build cache
# (the base image above all) stay for the next run. stop_docker_daemon stops only a daemon
# started here, by its PID.

ZCW_DOCKER_DIR=${ZCW_DOCKER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zoom-credential-wizard/docker}
started_dockerd_pid=""

# Debian's docker CLI (20.10) builds with BuildKit itself; a newer CLI needs the buildx plugin.
if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
docker() { "$DOCKER" "$@"; }

need() { # command, what to install
  command -v "$1" >/dev/null 2>&1 ||
    fail "$1 is not installed: the container test needs it (apt-get install $2)."
}

start_docker_daemon() {
  need "$DOCKER" docker.io
  if docker info >/dev/null 2>&1; then
    echo "[container] using the Docker daemon that answers${DOCKER_HOST:+ at $DOCKER_HOST}"
    return
  fi
  need dockerd docker.io
  [ "$(id -u)" = 0 ] || fail "no Docker daemon answers and only root can start one (dockerd)."
  mkdir -p "$ZCW_DOCKER_DIR/run"
  export DOCKER_HOST="unix://$ZCW_DOCKER_DIR/run/docker.sock"
  if docker info >/dev/null 2>&1; then
    echo "[container] using the daemon left running at $DOCKER_HOST"
    return
  fi
  echo "[container] starting dockerd (data in $ZCW_DOCKER_DIR)"
  dockerd --data-root "$ZCW_DOCKER_DIR/data" --exec-root "$ZCW_DOCKER_DIR/run/exec" \
    --pidfile "$ZCW_DOCKER_DIR/run/dockerd.pid" --host "$DOCKER_HOST" \
    --storage-driver=overlay2 --iptables=false --ip6tables=false --bridge=none \
    >"$ZCW_DOCKER_DIR/dockerd.log" 2>&1 &
  started_dockerd_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return
    kill -0 "$started_dockerd_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$ZCW_DOCKER_DIR/dockerd.log" >&2
  fail "dockerd did not start (log above, all of it in $ZCW_DOCKER_DIR/dockerd.log)."
}

stop_docker_daemon() {
  [ -n "$started_dockerd_pid" ] || return 0
  # Only what this daemon holds as garbage: untagged images left by earlier builds, old build cache.
  docker image prune -f >/dev/null 2>&1 || true
  docker builder prune -f --keep-storage 3gb >/dev/null 2>&1 || true
  kill "$started_dockerd_pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    if ! kill -0 "$started_dockerd_pid" 2>/dev/null; then
      # dockerd leaves its network namespace mounted; let go of it so the folder can be removed.
      umount "$ZCW_DOCKER_DIR/run/exec/netns/default" 2>/dev/null || true
      return 0
    fi
    sleep 0.5
  done
  echo "[container] dockerd ($started_dockerd_pid) did not stop within 20 s" >&2
}

# Compose: the plugin (`docker compose`) when there is one, else Debian's docker-compose 1.29.
compose() {
  if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi
}
