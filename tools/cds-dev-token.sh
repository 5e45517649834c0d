#!/usr/bin/env bash
# A development EHR for trying the CDS Hooks service locally, with openssl only: a key pair made once, the settings
# that make the service trust it, and fresh signed tokens (RS384 JWTs, as CDS Hooks asks of an EHR).
#
#   eval "$(tools/cds-dev-token.sh env)"          # make the key pair (once) and export the settings that trust it,
#   dotnet run --project src/Screening.Api        # then start the service in that shell
#   TOKEN=$(tools/cds-dev-token.sh token http://localhost:5080/cds-services/ketamine-referral-screening)
#
# The key pair lives in .cds-dev/ (git-ignored; CDS_DEV_DIR moves it). Every token has a new jti (the service refuses a
# token it has seen) and expires after 5 minutes. For development only: never trust this issuer in production.
set -euo pipefail
dir=${CDS_DEV_DIR:-"$(cd "$(dirname "$0")/.." && pwd)/.cds-dev"}
issuer=${CDS_DEV_ISSUER:-https://dev-ehr.local}
base_url=${CDS_DEV_SERVICE_BASE_URL:-http://localhost:5080}

ensure_keys() {
  if [ ! -f "$dir/private.pem" ]; then
    mkdir -p "$dir"
    chmod 700 "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  fi
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

case "${1:-}" in
  env)
    ensure_keys
    printf 'export Screening__CdsHooks__ServiceBaseUrl=%q\n' "$base_url"
    printf 'export Screening__CdsHooks__TrustedIssuers__dev__Issuer=%q\n' "$issuer"
    printf 'export Screening__CdsHooks__TrustedIssuers__dev__PublicKeyPem=%q\n' "$(cat "$dir/public.pem")"
    ;;
  token)
    audience=${2:?give the endpoint URL the token is for, e.g. $base_url/cds-services/ketamine-referral-screening}
    ensure_keys
    now=$(date +%s)
    jti=$(openssl rand -hex 16)
    header=$(printf '{"alg":"RS384","typ":"JWT","kid":"dev"}' | b64url)
    payload=$(printf '{"iss":"%s","sub":"dev-ehr","aud":"%s","iat":%d,"exp":%d,"jti":"%s"}' "$issuer" "$audience" "$now" $((now + 300)) "$jti" | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha384 -sign "$dir/private.pem" -binary | b64url)
    printf '%s.%s.%s\n' "$header" "$payload" "$signature"
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
