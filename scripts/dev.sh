#!/usr/bin/env bash
# npm run dev: a real n8n on http://localhost:5678 with this package linked, the examples imported
# and a "Kie.ai account" credential pointing at the Kie simulator, or at the real API when
# KIE_API_KEY is set, and the agent examples' chat credentials (Anthropic and OpenAI, at Kie).
# Options (environment): KIE_API_KEY, OPENAI_API_KEY, KIE_WEBHOOK_HMAC_KEY, KIE_DEV_PUBLIC_URL,
# KIE_DEV_PORT (5678), KIE_DEV_FOLDER (~/.n8n-kie-dev), KIE_DEV_RESET=1, KIE_SIM_PORT (5690),
# KIE_SIM_UPLOAD_PORT (5691), N8N_E2E_CACHE (where n8n is installed). See test/e2e/dev.ts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-n8n.sh >/dev/null
echo "[dev] building the package (npm run build) and the simulator (npm run build:test)" >&2
npm run build --silent
npm run build:test --silent
exec node build-test/test/e2e/dev.js
