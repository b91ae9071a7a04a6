#!/usr/bin/env bash
# The container checks (README "Run with Docker"; .ci/run runs them after `npm test`). Builds the
# image from the Dockerfile and uses it as a self-hoster would, against the Zoom emulator on this
# machine:
#   1. the image: under 400 MB, no .env, data, secrets or tests in it; a wrong setting stops it
#      with a sentence;
#   2. SQLite in a /data volume: healthy, not root; the first-run page, a workspace, a
#      Server-to-Server connection, an API key and GET /api/v1/credentials/{id}/token → 200
#      (scripts/container/walk-through.ts, in Chromium); then a new container on the same volume:
#      the same secrets file, the person signs in, the key still gets a token;
#   3. compose.yaml with PostgreSQL and the second instance (profile "replica"): all healthy, a
#      workspace made through one instance, a token fetched through the other.
# No registry is needed: the base image is made once (debootstrap + Node 22 from the npm registry,
# scripts/container/make-base-image.sh) and kept with the daemon's data; PostgreSQL is a stand-in
# image of Debian's PostgreSQL 15 (compose.yaml says postgres:16 for users). Everything started
# here is stopped at the end. There is no skip: a machine without Docker fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

fail() { echo "[container] FAILED: $*" >&2; exit 1; }
# shellcheck source=container/docker-daemon.sh
source scripts/container/docker-daemon.sh

PORTS=${CONTAINER_TEST_PORT_BASE:-6300} # app, second app, PostgreSQL, Zoom emulator: 4 ports from here
APP_PORT=$PORTS APP2_PORT=$((PORTS + 1)) PG_PORT=$((PORTS + 2)) EMULATOR_PORT=$((PORTS + 3))
APP_URL=http://127.0.0.1:$APP_PORT
EMULATOR_URL=http://127.0.0.1:$EMULATOR_PORT
BASE_IMAGE=${CONTAINER_TEST_BASE:-local/node:22-bookworm-slim}
POSTGRES_IMAGE=local/postgres:15-stand-in
IMAGE=zoom-credential-wizard:ci
MAX_IMAGE_MB=400
run_id=zcw-ci-$$
tmp=$(mktemp -d)
emulator_pid=""
pg_build_pid=""
started=$(date +%s)
timings=()

cleanup() {
  set +e
  [ -f "$tmp/compose.yaml" ] && compose -p "$run_id" -f "$tmp/compose.yaml" --profile replica down -v -t 5 >/dev/null 2>&1
  docker rm -f "$run_id-app" "$run_id-again" >/dev/null 2>&1
  docker volume rm "$run_id-data" >/dev/null 2>&1
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null
  [ -n "$pg_build_pid" ] && kill "$pg_build_pid" 2>/dev/null && wait "$pg_build_pid" 2>/dev/null
  stop_docker_daemon
  rm -rf "$tmp"
}
trap cleanup EXIT

timed() { # label, command…: runs it, keeps "label: N s" for the summary
  local label=$1 t0
  shift
  t0=$(date +%s)
  "$@"
  timings+=("$label: $(($(date +%s) - t0)) s")
}

wait_for() { # what, seconds, test command…
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$((seconds * 2))"); do "$@" && return 0; sleep 0.5; done
  echo "[container] $what: not within $seconds s" >&2
  return 1
}

answers() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }
healthy() { [ "$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1")" = healthy ]; }
logs_and_fail() { docker logs --tail 30 "$1" >&2 || true; fail "$2"; }

for port in "$APP_PORT" "$APP2_PORT" "$PG_PORT" "$EMULATOR_PORT"; do
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null ||
    fail "port $port is taken; choose 4 free ports with CONTAINER_TEST_PORT_BASE (now $PORTS)."
done
need curl curl
need openssl openssl
need python3 python3
need node nodejs
start_docker_daemon

# --- the images ---------------------------------------------------------------------------------
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  [ "$BASE_IMAGE" = local/node:22-bookworm-slim ] || fail "base image $BASE_IMAGE is not there."
  need debootstrap debootstrap
  timed "base image made (once per machine)" env DOCKER="$DOCKER" scripts/container/make-base-image.sh
else
  timings+=("base image: cached ($BASE_IMAGE)")
fi
# The PostgreSQL stand-in is made beside the app's build (mostly downloads and unpacking).
if ! docker image inspect "$POSTGRES_IMAGE" >/dev/null 2>&1; then
  echo "[container] making the PostgreSQL stand-in image (once per machine), beside the app's build"
  DOCKER_BUILDKIT=1 docker build --network host -f scripts/container/postgres-image.Dockerfile \
    -t "$POSTGRES_IMAGE" scripts/container >"$tmp/postgres-build.log" 2>&1 &
  pg_build_pid=$!
fi

# This machine's extra CA certificates (a TLS-inspecting proxy) reach npm as a BuildKit secret.
ca_args=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cat /usr/local/share/ca-certificates/*.crt >"$tmp/npm-ca.pem"
  ca_args=(--secret "id=npm_ca,src=$tmp/npm-ca.pem")
fi
echo "[container] building the image (FROM $BASE_IMAGE)"
build() {
  DOCKER_BUILDKIT=1 docker build --network host --build-arg "BASE=$BASE_IMAGE" "${ca_args[@]}" \
    -t "$IMAGE" . >"$tmp/build.log" 2>&1 || { tail -n 40 "$tmp/build.log" >&2; fail "docker build failed"; }
}
timed "image built" build
size_mb=$(($(docker image inspect -f '{{.Size}}' "$IMAGE") / 1000000))
timings+=("image size: $size_mb MB")
[ "$size_mb" -lt "$MAX_IMAGE_MB" ] || fail "the image is $size_mb MB, over $MAX_IMAGE_MB MB."

strays=$(docker run --rm --network host --user 0 --entrypoint sh "$IMAGE" -c \
  'find / -xdev \( -name ".env*" -o -name "*.test.ts" -o -name "*.spec.ts" -o -name secrets.json -o -name "*.db" \
     -o -path /app/e2e -o -path /app/data -o -path /app/lib -o -path /app/.git \) -print; ls -A /data')
[ -z "$strays" ] || fail "the image holds files it must not: $strays"
echo "[container] image $size_mb MB; no .env, data, secrets or tests in it"

out=$(docker run --rm --network host -e PORT="$APP_PORT" -e ENCRYPTION_KEY=not-a-key "$IMAGE" 2>&1) &&
  fail "the image started with ENCRYPTION_KEY=not-a-key"
grep -q "ENCRYPTION_KEY: the key is not a valid key" <<<"$out" || fail "no clear sentence for a wrong setting: $out"
echo "[container] a wrong ENCRYPTION_KEY stops it with: $(grep ENCRYPTION_KEY <<<"$out" | head -n1 | xargs)"

# --- the Zoom emulator on this machine ------------------------------------------------------------
ZOOM_EMULATOR_PORT=$EMULATOR_PORT node --import tsx testing/zoom-emulator/main.ts >"$tmp/emulator.log" 2>&1 &
emulator_pid=$!
wait_for "the Zoom emulator on $EMULATOR_URL" 30 answers "$EMULATOR_URL/__emulator/state" ||
  { cat "$tmp/emulator.log" >&2; fail "the Zoom emulator did not start"; }
zoom_env=(-e "ZOOM_OAUTH_BASE_URL=$EMULATOR_URL" -e "ZOOM_API_BASE_URL=$EMULATOR_URL/v2")
walk() { node --import tsx scripts/container/walk-through.ts "$@"; }

# --- SQLite in a /data volume ---------------------------------------------------------------------
run_app() { # container name
  docker run -d --name "$1" --network host -e PORT="$APP_PORT" -e APP_URL="$APP_URL" "${zoom_env[@]}" \
    -v "$run_id-data:/data" "$IMAGE" >/dev/null
}
t0=$(date +%s%N)
run_app "$run_id-app"
wait_for "/api/health" 60 answers "$APP_URL/api/health" || logs_and_fail "$run_id-app" "the app did not answer"
timings+=("docker run → /api/health 200: $((($(date +%s%N) - t0) / 1000000)) ms")
wait_for "HEALTHCHECK" 60 healthy "$run_id-app" || logs_and_fail "$run_id-app" "the image's HEALTHCHECK never said healthy"
uid=$(docker exec "$run_id-app" sh -c 'id -u; grep "^Uid:" /proc/1/status' | xargs)
[[ "$uid" =~ ^1000\ Uid:\ 1000\  ]] || fail "the app runs as $uid, not as the node user (1000)"
echo "[container] healthy, runs as uid 1000 (node), not root"
walk setup "$APP_URL" "$EMULATOR_URL" "$tmp/sqlite-state.json" || logs_and_fail "$run_id-app" "the walk-through failed"
secrets_before=$(docker exec "$run_id-app" sha256sum /data/secrets.json)

docker rm -f "$run_id-app" >/dev/null
run_app "$run_id-again"
wait_for "/api/health" 60 answers "$APP_URL/api/health" ||
  logs_and_fail "$run_id-again" "a new container on the same volume did not answer"
[ "$(docker exec "$run_id-again" sha256sum /data/secrets.json)" = "$secrets_before" ] ||
  fail "the generated secrets changed when the container was replaced"
echo "[container] a new container on the same volume: same secrets file"
walk check "$APP_URL" "$tmp/sqlite-state.json" || logs_and_fail "$run_id-again" "the data did not survive"
docker rm -f "$run_id-again" >/dev/null

# --- compose.yaml: PostgreSQL and two instances ----------------------------------------------------
if [ -n "$pg_build_pid" ]; then
  wait "$pg_build_pid" || { tail -n 30 "$tmp/postgres-build.log" >&2; fail "the PostgreSQL stand-in image did not build"; }
  pg_build_pid=""
  timings+=("PostgreSQL stand-in image made beside the rest (once per machine)")
fi
# The .env as the README makes it, with this test's address.
cat >"$tmp/.env" <<EOF
APP_URL=$APP_URL
ENCRYPTION_KEY=$(openssl rand -base64 32)
NEXTAUTH_SECRET=$(openssl rand -base64 32)
POSTGRES_PASSWORD=$(openssl rand -hex 24)
EOF
# compose.yaml with the test's overrides merged; docker-compose 1.29 refuses published ports on the
# host's network, so they are dropped from the merged file (compose.test.yaml says why host).
ZCW_TEST_IMAGE=$IMAGE ZCW_TEST_POSTGRES_IMAGE=$POSTGRES_IMAGE ZCW_TEST_PG_PORT=$PG_PORT \
  ZCW_TEST_PORT_1=$APP_PORT ZCW_TEST_PORT_2=$APP2_PORT ZCW_TEST_EMULATOR_URL=$EMULATOR_URL \
  compose --project-directory "$tmp" -f compose.yaml -f scripts/container/compose.test.yaml \
  --profile replica config >"$tmp/merged.yaml"
python3 scripts/container/drop-ports.py <"$tmp/merged.yaml" >"$tmp/compose.yaml"
t0=$(date +%s)
compose -p "$run_id" -f "$tmp/compose.yaml" --profile replica up -d --no-build >"$tmp/compose.log" 2>&1 ||
  { cat "$tmp/compose.log" >&2; fail "docker compose up failed"; }
for service in db app app-2; do
  container=$(compose -p "$run_id" -f "$tmp/compose.yaml" --profile replica ps -q "$service")
  [ -n "$container" ] || fail "compose did not start $service"
  wait_for "compose's $service healthy" 120 healthy "$container" ||
    logs_and_fail "$container" "compose's $service did not become healthy"
  case $service in app) app_container=$container ;; app-2) app2_container=$container ;; esac
done
timings+=("compose up → db, app, app-2 healthy: $(($(date +%s) - t0)) s")
echo "[container] compose: PostgreSQL, app and app-2 healthy"
walk setup "$APP_URL" "$EMULATOR_URL" "$tmp/postgres-state.json" || logs_and_fail "$app_container" "the walk-through failed"
walk token "http://127.0.0.1:$APP2_PORT" "$tmp/postgres-state.json" ||
  logs_and_fail "$app2_container" "the second instance did not give a token"

timings+=("whole container test: $(($(date +%s) - started)) s")
echo "[container] all checks passed"
printf '[container]   %s\n' "${timings[@]}"
