# Shared by the load scripts (sourced): checks for wrk and publishes the service as the Dockerfile does. The scripts
# start it with --contentRoot set to the publish folder, as the image's working directory is: started from the
# repository root without it, appsettings.json is not found (no log-level overrides: every ASP.NET Core request
# event at Information) and neither is wwwroot.
out=artifacts/load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$out"

echo "Publishing (Release, ReadyToRun, as the Dockerfile does)..."
dotnet publish src/Screening.Api --configuration Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true --output "$out/publish" >/dev/null
