#!/usr/bin/env bash
# Regenerates openapi/screening-api.v1.json from the application with the Swashbuckle CLI (a local dotnet tool).
# The drift test (OpenApiDocumentTests) fails when the served document and this file differ.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Screening.Api --configuration Debug >/dev/null
# Development: generation starts the host, and outside Development it would require a configured API key.
ASPNETCORE_ENVIRONMENT=Development dotnet swagger tofile --openapiversion 3.1 \
  --output openapi/screening-api.v1.json src/Screening.Api/bin/Debug/net10.0/Screening.Api.dll v1 >/dev/null
echo "openapi/screening-api.v1.json regenerated"
