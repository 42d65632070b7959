using Microsoft.Net.Http.Headers;

namespace Khilafat.Web.Media;

/// <summary>
/// /media/{name}: an image's file, served by the app from the <see cref="IMediaStore"/>. A name is the hash of the
/// file's bytes, so the file can be cached for ever (immutable) and its strong ETag is that hash.
/// </summary>
public static class MediaEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(MediaFiles.PathPrefix + "{name}", Startup.SitePipeline.GetAndHead, async (string name, HttpContext http, IMediaStore store, CancellationToken ct) =>
        {
            if (MediaFiles.ContentTypeOf(name) is not { } contentType) return Results.NotFound();
            var etag = MediaFiles.ETagOf(name);
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                // The file may be gone since; a 304 for a name whose bytes never change is right either way.
                SetCacheHeaders(http.Response, etag);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            var stream = await store.OpenReadAsync(name, ct);
            if (stream is null) return Results.NotFound();
            SetCacheHeaders(http.Response, etag);
            return Results.Stream(stream, contentType);
        }).DisableHttpMetrics();
        return endpoints;
    }

    private static void SetCacheHeaders(HttpResponse response, string etag)
    {
        response.Headers.CacheControl = CacheControl;
        response.Headers.ETag = etag;
        // Served as the type its name says and never sniffed as anything else (the site sets nosniff on every response too).
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
    }
}
