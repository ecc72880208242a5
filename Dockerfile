# syntax=docker/dockerfile:1
# MentorBot container image. Build from the repository root:
#   docker build -t mentorbot:1.0.0 .
#   az acr build --registry <acr> --image mentorbot:1.0.0 .
# The same image runs the bot (no arguments) and the CLI verbs (map ..., manifest ..., health).

# ---- build ---------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# The image's architecture (BuildKit sets it: amd64 or arm64). Publishing for it alone leaves out the native libraries
# (SkiaSharp for the dashboard's charts, SQLite) of every other platform: about 84 MB instead of 279 MB.
ARG TARGETARCH

# Restore first, from the project file and the repository-wide build settings only, so the layer is reused until a
# package changes.
COPY .editorconfig Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/MentorBot/MentorBot.csproj src/MentorBot/
RUN dotnet restore src/MentorBot/MentorBot.csproj -a "${TARGETARCH:-amd64}"

# The tab's browser libraries (the Teams JavaScript library) come from npm at build time and are served by the app.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY src/MentorBot/Web/Client/package.json src/MentorBot/Web/Client/package-lock.json src/MentorBot/Web/Client/
RUN cd src/MentorBot/Web/Client && npm ci --no-audit --no-fund --loglevel=error

COPY src/MentorBot/ src/MentorBot/
RUN dotnet publish src/MentorBot -c Release -a "${TARGETARCH:-amd64}" -o /app --no-restore

# ---- runtime -------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# Production uses PostgreSQL and writes nothing locally; ./data is only for the embedded SQLite store
# (Storage:Provider=Sqlite), so the non-root user may write there and nowhere else.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data

COPY --from=build /app ./

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# The image's built-in non-root user (APP_UID is defined by the .NET base images).
USER $APP_UID

# The image has no curl: the app's own `health` verb asks http://127.0.0.1:8080/healthz and exits 0 when healthy.
# (Azure Container Apps ignores HEALTHCHECK and uses the probes in infra/modules/containerapp.bicep instead.)
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "MentorBot.dll", "health"]

ENTRYPOINT ["dotnet", "MentorBot.dll"]
