# The exporter host. Build from the repository root: docker build -t exporter .
# Run it as docker-compose.yml does: host /proc, /sys and / mounted read-only and --path.* set.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Self-contained, ReadyToRun and trimmed (see src/Exporter.Host/Exporter.Host.csproj): smaller and
# lighter in memory than the framework-dependent build.
RUN dotnet publish src/Exporter.Host/Exporter.Host.csproj -c Release -r linux-x64 -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
# The exporter only reads; it needs no root except to read the Docker socket, which compose grants
# through the socket's group (DOCKER_GID).
USER app
EXPOSE 9800
ENTRYPOINT ["/app/Exporter.Host"]
