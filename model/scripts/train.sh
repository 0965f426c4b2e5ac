#!/usr/bin/env bash
# Trains (or resumes) a Glow with `glowzip train` and memory for long runs; arguments go to it, e.g.
#   model/scripts/train.sh --data ../shared/data/fashion-mnist --out model/runs/fashion-mnist
# (relative paths are relative to the repository root). Run from anywhere after
# `mvn -q package -DskipTests`. The jar is copied to a private directory first, so rebuilding
# the project while training runs is safe.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
private=$(mktemp -d "${TMPDIR:-/tmp}/glowzip-train.XXXXXX")
cp bench/target/glowzip.jar "$private/"
exec java -Xmx6g \
  -Dorg.bytedeco.javacpp.cachedir="$root/.javacpp-cache" \
  -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -jar "$private/glowzip.jar" train "$@"
