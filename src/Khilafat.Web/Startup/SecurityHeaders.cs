namespace Khilafat.Web.Startup;

/// <summary>
/// Headers every response carries, error pages included. Set when the response starts, so pages that clear their
/// headers (the exception handler does) still get them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static readonly object OwnPolicyKey = new();

    /// <summary>
    /// Gives this one response a policy of its own instead of the site's: for a document that is not the site's own
    /// markup (an email's HTML, previewed), which needs its inline styles and must be sandboxed instead.
    /// </summary>
    public static void UseOwnContentSecurityPolicy(this HttpResponse response, string policy) => response.HttpContext.Items[OwnPolicyKey] = policy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Items.TryGetValue(OwnPolicyKey, out var own) && own is string policy ? policy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
