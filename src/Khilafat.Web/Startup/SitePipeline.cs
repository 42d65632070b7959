using Khilafat.Web.Sharing;
using Khilafat.Web.Content;
using Khilafat.Web.Health;
using Khilafat.Web.MailingList;
using Khilafat.Web.Media;
using Khilafat.Web.Seo;
using Khilafat.Web.Updates;
using Khilafat.Web.Events;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Khilafat.Web.Startup;

public static class SitePipeline
{
    /// <summary>
    /// The methods of an endpoint other software reads (feeds, calendars, the sitemap, images): HEAD wherever GET
    /// answers (RFC 9110, 9.3.2), as link previews, feed checkers and monitors ask it. Razor Pages answer it by themselves.
    /// </summary>
    public static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The request pipeline, outermost first.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A request the server refused to read (too large, malformed) is the client's error, not a 500.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        // A page in the output cache is answered right after routing (which finds its cache policy), before the
        // middleware it does not need. Microsoft's docs put the cache after authentication and authorization, so that
        // a page cached for someone is not served to whom it must not be; here that cannot happen: no cached endpoint
        // needs an account or is rate limited, and the cache's default policy (ASP.NET Core 10.0.9 and later) never
        // stores what is rendered for a signed-in person (CachedPagesTests holds both). The language comes from the
        // path, which is in the key.
        // On a /statement hit this cut the site's CPU per request by about a quarter (README, Performance).
        app.UseRouting();
        app.UseOutputCache();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseResponseCompression();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).DisableHttpMetrics();
        app.MapSeoEndpoints();
        app.MapChangeFeed();
        app.MapUpdateFeed();
        app.MapOneClickUnsubscribe();
        app.MapEventCalendars();
        app.MapMedia();
        app.MapShareCards();
        return app;
    }
}
