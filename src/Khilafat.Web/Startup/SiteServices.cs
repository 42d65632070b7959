using System.IO.Compression;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.ResponseCompression;

namespace Khilafat.Web.Startup;

public static class SiteServices
{
    /// <summary>Everything the site registers: configuration, the database, content, caching and pages.</summary>
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Configuration.UseAppSettingsBesideBinaries(builder.Environment);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Serve the build's compressed assets in every environment, not only Development (a no-op when published).
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSiteDatabase();
        services.AddDataProtection().SetApplicationName("Khilafat.Web").PersistKeysToDbContext<SiteDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentService>();
        services.AddScoped<PageEditor>();
        services.AddScoped<SiteUrls>();

        services.AddOutputCache(options => options.AddPublicPolicies());
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS here: the only secrets in pages are anti-forgery tokens, which differ in every response (no BREACH).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = ["en"];
            options.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddRazorPages();
        return builder;
    }
}
