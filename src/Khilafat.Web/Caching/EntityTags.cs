using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Khilafat.Web.Caching;

/// <summary>
/// The files programs fetch again and again (the Atom feed, calendars, the sitemap, robots.txt) carry an ETag of their
/// bytes and <c>Cache-Control: no-cache</c>: a feed reader or a calendar keeps its copy and asks whether it changed, and
/// the output cache answers 304 from its entry while it holds the same bytes, without rendering or sending them.
/// </summary>
public static class EntityTags
{
    /// <summary>
    /// A weak tag (RFC 9110, 8.8.1): the same bytes go out compressed or not, each a representation of its own to a
    /// strong comparison. 96 bits of SHA-256: enough that two versions never share one.
    /// </summary>
    public static string Of(ReadOnlySpan<byte> body) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(body)[..12]) + "\"";

    /// <summary>
    /// Writes <paramref name="body"/> with its tag, or 304 when the request already holds it: the output cache answers
    /// so from its entry, but each change empties the entries, and each encoding has its own, so the first request
    /// after one comes here. What <see cref="Text"/> does for words.
    /// </summary>
    public static Task WriteAsync(HttpContext http, byte[] body, string contentType, CancellationToken ct)
    {
        var tag = Of(body);
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "no-cache";
        if (Holds(http.Request, tag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body, ct).AsTask();
    }

    // If-None-Match compares weakly (RFC 9110, 13.1.2); "*" matches any.
    private static bool Holds(HttpRequest request, string tag) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } held
        && EntityTagHeaderValue.TryParse(tag, out var ours)
        && held.Any(h => h.Equals(EntityTagHeaderValue.Any) || h.Compare(ours, useStrongComparison: false));

    /// <summary>The words as UTF-8, tagged: what <c>Results.Text</c> sends, with its tag.</summary>
    public static IResult Text(string body, string contentType) => new Tagged(Encoding.UTF8.GetBytes(body), contentType);

    private sealed class Tagged(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => WriteAsync(http, body, contentType, http.RequestAborted);
    }
}
