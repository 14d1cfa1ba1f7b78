#!/bin/sh
# Re-create the example exports in this folder from the bundled reference data
# (run from the repository root after `make test` has built .venv).
set -e
export LLMCOMPARE_DATA_DIR="$(mktemp -d)"  # no store there: the bundled data is read, nothing written
run() { .venv/bin/llmcompare-gui export --input-tokens 1B --output-tokens 100M --width 960 --height 540 "$@"; }
out=docs/examples
for chart in cost benchmarks value parameters task-cost task-value; do run --chart "$chart" --out "$out/$chart.png"; done
run --chart volume --cached-share 90% --out "$out/volume.png"
run --chart cost --theme dark --out "$out/cost-dark.png"
run --chart cost --out "$out/cost.svg"
run --chart volume --cached-share 90% --out "$out/volume.pdf"
# The price points in force a day before DeepSeek V3.1's vendor card (2025-09-05) took effect.
run --chart price-history --as-of 2025-09-04 --out "$out/price-history.png"
run --chart price-history --as-of 2025-09-04 --theme dark --out "$out/price-history-dark.png"
rmdir "$LLMCOMPARE_DATA_DIR"
# Cost per solved task over every model of LiteLLM's price list that Aider ran.
export LLMCOMPARE_DATA_DIR="$(mktemp -d)"
.venv/bin/llmcompare-gui import tests/fixtures/litellm_model_prices-2025-11-01.json >/dev/null
.venv/bin/llmcompare-gui import tests/fixtures/aider_polyglot_leaderboard.yml >/dev/null
run --chart task-cost --height 640 --out "$out/task-cost-litellm.png" 2>/dev/null
run --chart task-value --height 640 --out "$out/task-value-litellm.png" 2>/dev/null
rm -r "$LLMCOMPARE_DATA_DIR"
