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

        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
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
