#!/usr/bin/env bash
# The Fashion-MNIST Glow variants side by side, a row per NAME=MODEL argument (tab-separated):
# parameters; the float bound on all 10,000 test images (`glowzip evaluate`, one noise draw a
# sample); the Glow alone, without a context model, coding the bundled 1,000-image sample as one
# stream and as single images (`glowzip bench`: bits per dimension, images/s encoded and decoded),
# beside the float bound on that sample (bench's glow-nll row).
# Speeds mean something only on a quiet machine. Run after `mvn -q install -DskipTests`, e.g.
#   model/scripts/variants.sh mixture=model/runs/fashion-mnist-vd-mixture/checkpoints/step-00028500/model.gzm
# TEST_IMAGES overrides the test set (default: Fashion-MNIST's, under ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/../.."
test_images=${TEST_IMAGES:-../shared/data/fashion-mnist/t10k-images-idx3-ubyte.gz}
# The tab-separated columns FROM..TO of bench's row for CODEC, from bench's TSV on stdin.
columns() { awk -F'\t' -v codec="$1" -v from="$2" -v to="$3" '$1 == codec {for (i = from; i <= to; i++) printf "%s%s", $i, (i < to ? "\t" : "")}'; }
printf 'variant\tparameters\ttest_bound_bpd\tsample_bound_bpd\tstream_bpd\tstream_enc_img_s\tstream_dec_img_s\tsingle_bpd\tsingle_enc_img_s\tsingle_dec_img_s\n'
for variant in "$@"; do
  name=${variant%%=*}
  model=${variant#*=}
  evaluation=$(./glowzip evaluate -q -m "$model" --images "$test_images")
  parameters=$(awk '$1 == "parameters" {print $2}' <<<"$evaluation")
  bound=$(awk '$1 == "test" && $2 == "NLL" {print $3}' <<<"$evaluation")
  bench=$(./glowzip bench -q -m "$model" --tool-limit 1 --format tsv)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$parameters" "$bound" "$(columns glow-nll 5 5 <<<"$bench")" \
    "$(columns glowzip-stream 5 7 <<<"$bench")" "$(columns glowzip-single 5 7 <<<"$bench")"
done
