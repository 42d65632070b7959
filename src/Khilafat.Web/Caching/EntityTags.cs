using System.Security.Cryptography;
using System.Text;

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

    /// <summary>Writes <paramref name="body"/> with its tag; what <see cref="Text"/> does for words.</summary>
    public static Task WriteAsync(HttpContext http, byte[] body, string contentType, CancellationToken ct)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ETag = Of(body);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body, ct).AsTask();
    }

    /// <summary>The words as UTF-8, tagged: what <c>Results.Text</c> sends, with its tag.</summary>
    public static IResult Text(string body, string contentType) => new Tagged(Encoding.UTF8.GetBytes(body), contentType);

    private sealed class Tagged(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => WriteAsync(http, body, contentType, http.RequestAborted);
    }
}
