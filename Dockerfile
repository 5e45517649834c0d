# Multi-stage build of the screening API. Base images and the NuGet source are build arguments so the image can be
# built from a mirror or local bases; the defaults are the official .NET 10 images and nuget.org.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk
ARG SDK_TAG=10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet
ARG RUNTIME_TAG=10.0

FROM ${SDK_IMAGE}:${SDK_TAG} AS build
ARG NUGET_SOURCE=https://api.nuget.org/v3/index.json
WORKDIR /src
# Build inputs at the root (the analyzers' severities live in .editorconfig: without it, TreatWarningsAsErrors fails on
# defaults), then every project of Screening.Api's reference closure, so that restore sees them all. A test
# (DockerfileTests) fails when a project or a root build input is missing here.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Screening.Domain/Screening.Domain.csproj src/Screening.Domain/
COPY rules/Screening.Rules/Screening.Rules.csproj rules/Screening.Rules/
COPY src/Screening.Engine/Screening.Engine.csproj src/Screening.Engine/
COPY src/Screening.Fhir/Screening.Fhir.csproj src/Screening.Fhir/
COPY src/Screening.DecisionLog/Screening.DecisionLog.csproj src/Screening.DecisionLog/
COPY src/Screening.Api/Screening.Api.csproj src/Screening.Api/
RUN dotnet restore src/Screening.Api/Screening.Api.csproj --use-current-runtime -p:PublishReadyToRun=true --source "${NUGET_SOURCE}"
COPY src/ src/
COPY rules/ rules/
# ReadyToRun: precompiled code, so the service is ready in about a second.
RUN dotnet publish src/Screening.Api/Screening.Api.csproj --configuration Release --no-restore --use-current-runtime \
    --self-contained false -p:PublishReadyToRun=true --output /app

FROM ${RUNTIME_IMAGE}:${RUNTIME_TAG} AS runtime
WORKDIR /app
# The decision record is off until it is given a key (and, for SQLite, the volume /app/data): an image that starts
# with nothing but an API key must not keep decisions under a key it made up. See the README, "Run it in a container".
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_EnableDiagnostics=0 \
    Screening__DecisionLog__Provider=none
COPY --from=build /app ./
# The SQLite decision record lives in /app/data, writable by the non-root user.
RUN mkdir -p /app/data && chown 1654:1654 /app/data
VOLUME /app/data
# The non-root "app" user of the official images (UID 1654); numeric so it also works with other bases.
USER 1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "Screening.Api.dll"]
