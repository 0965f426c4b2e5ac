#!/usr/bin/env bash
# Trains (or resumes) a Glow with TrainMain; arguments are passed through, e.g.
#   model/scripts/train.sh --data ../shared/data/fashion-mnist --out model/runs/fashion-mnist
# Run from anywhere after `mvn -q -pl model -am install -DskipTests`. The glowzip classes are
# copied to a private directory first, so rebuilding the project while training runs is safe.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
private=$(mktemp -d "${TMPDIR:-/tmp}/glowzip-train.XXXXXX")
mvn -q -o -pl model dependency:build-classpath -Dmdep.outputFile="$private/classpath.txt" \
  || mvn -q -pl model dependency:build-classpath -Dmdep.outputFile="$private/classpath.txt"
classpath=""
IFS=: read -r -a entries < "$private/classpath.txt" || true
for entry in "${entries[@]}"; do
  if [[ $entry == */org/glowzip/* ]]; then
    cp "$entry" "$private/"
    entry="$private/$(basename "$entry")"
  fi
  classpath+="$entry:"
done
cp -r model/target/classes "$private/model-classes"
exec java -Xmx6g \
  -Dorg.bytedeco.javacpp.cachedir="$root/.javacpp-cache" \
  -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -cp "$private/model-classes:$classpath" \
  org.glowzip.model.cli.TrainMain "$@"
