# The exporter host as a NativeAOT binary. Build from the repository root: docker build -t exporter .
# Run it as docker-compose.yml does: host /proc, /sys and / mounted read-only and --path.* set.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# NativeAOT links with clang against zlib (src/Exporter.Host/Exporter.Host.csproj).
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# -r linux-x64 publishes the native binary; its debugging symbols (Exporter.Host.dbg) stay here.
RUN dotnet publish src/Exporter.Host/Exporter.Host.csproj -c Release -r linux-x64 -o /publish --nologo \
 && mkdir /app && cp /publish/Exporter.Host /publish/appsettings.json /app/

# What a native .NET binary loads from the system: glibc, zlib, OpenSSL (TLS to Docker and
# databases) and CA certificates; no ICU (invariant globalization).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
# The exporter only reads; it needs no root except to read the Docker socket, which compose grants
# through the socket's group (DOCKER_GID).
USER app
EXPOSE 9800
ENTRYPOINT ["/app/Exporter.Host"]
