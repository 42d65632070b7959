# syntax=docker/dockerfile:1
# The site as a container: the SDK image builds and publishes it, the ASP.NET runtime image runs it as a non-root
# user on port 8080, with the SQLite database (and everything else the site keeps) in the /app/App_Data volume.
#   docker build -t khilafat-web .
#   docker run -p 8080:8080 -v khilafat-data:/app/App_Data -e Site__PublicUrl=https://khilafat.example.org khilafat-web
# Site__PublicUrl (the address visitors use; links in emails are built from it) is required: without it the site will not start.
# On its first start the site writes /app/App_Data/keys-encryption.pfx, which encrypts its keys in the database: copy
# it once, apart from the database backups (README, "Data and backups").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props appsettings.json ./
COPY src/Khilafat.Web/Khilafat.Web.csproj src/Khilafat.Web/
# For the build platform: publishing compiles the code ahead (ReadyToRun, see the project file), which needs the runtime packs.
RUN dotnet restore src/Khilafat.Web/Khilafat.Web.csproj --use-current-runtime
COPY src/ src/
RUN dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o /app --no-restore --use-current-runtime

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# SkiaSharp's native library (the media library's image processing) links against fontconfig, which the image lacks.
# fonts-dejavu-core: the face the share cards (og:image) are drawn in; without a font they would have no text.
# fonts-sil-scheherazade: their Arabic and Urdu (DejaVu lacks Urdu's ہ and ے); without it those cards carry the English name alone.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core fonts-sil-scheherazade && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Default="Data Source=/app/App_Data/khilafat.db"
# A 16 MB budget for the GC's youngest generation instead of the 6 MB the workstation GC caps it at: under load, a
# request's objects then die young instead of being promoted, and time in GC pauses fell from 11% to 5% (README,
# "Performance"). The runtime reads it from the environment only. scripts/*bench.sh and loadtest.sh run with these lines.
ENV DOTNET_GCgen0size=0x1000000
# glibc's malloc (SkiaSharp's pixels come from it) raises its mmap threshold to the size of each large block it gives
# back, up to 32 MB, so that a photo's 12 MB of pixels after the first come from heaps that keep what is freed: ten
# uploads left 30 MB more resident and 45 MB more at the peak. A fixed threshold keeps large blocks mapped and returned.
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=131072
COPY --from=build /app .
# The image's built-in non-root user ("app") owns the data folder and nothing else.
# /app/media: where deploy/compose.yaml mounts the instances' shared images (a new volume takes this folder's owner).
RUN mkdir -p /app/App_Data /app/media && chown app:app /app/App_Data /app/media
USER app
VOLUME /app/App_Data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "Khilafat.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Khilafat.Web.dll"]
