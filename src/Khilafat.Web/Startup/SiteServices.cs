using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Khilafat.Web.Accounts;
using Khilafat.Web.Admin;
using Khilafat.Web.Audit;
using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Events;
using Khilafat.Web.Health;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Options;
using Khilafat.Web.Pages.Shared;
using Khilafat.Web.Privacy;
using Khilafat.Web.Settings;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;

namespace Khilafat.Web.Startup;

public static class SiteServices
{
    /// <summary>The largest request body accepted (1 MB); bigger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Admin pages an Editor may not open: accounts, the audit log, settings and backups.</summary>
    public static readonly string[] AdminOnlyFolders = ["/Admin/Users", "/Admin/Audit", "/Admin/Settings", "/Admin/Backup", "/Admin/Jobs"];

    /// <summary>Everything the site registers: configuration, the database, content, caching and pages.</summary>
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Configuration.UseAppSettingsBesideBinaries(builder.Environment);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Every form of the site fits in far less; the CSV import raises its own limit.
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        // Serve the build's compressed assets in every environment, not only Development (a no-op when published).
        builder.WebHost.UseStaticWebAssets();

        SiteUrls.RequirePublicUrl(builder.Configuration, builder.Environment);

        var services = builder.Services;
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations()
            .Validate(o => SiteTimeZone.Find(o.TimeZone) is not null,
                "Site:TimeZone (Site__TimeZone) must be an IANA time zone name such as UTC or Asia/Karachi.")
            .ValidateOnStart();
        services.AddSingleton<SiteTimeZone>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSiteDatabase(builder.Configuration);
        services.AddSiteDataProtection(builder.Configuration, builder.Environment);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddSiteIdentity(builder.Environment);
        services.AddSecureFormCookies(builder.Environment);

        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentService>();
        services.AddScoped<PageEditor>();
        services.AddScoped<FaqEditor>();
        services.AddScoped<TextEditor>();
        services.AddScoped<ChangeLog>();
        services.AddSiteUpdates();
        services.AddScoped<SiteUrls>();
        services.AddSiteEmail();
        services.AddSingleton<SiteKeys>();
        services.AddSiteJobs();
        services.AddSingleton<Maintenance>();
        services.AddKeyedSingleton<IJobHandler>(JobKinds.Maintenance, (sp, _) => sp.GetRequiredService<Maintenance>());
        services.AddScoped<MailingListService>();
        services.AddScoped<WelcomeEmail>();
        services.AddOptions<MailingListOptions>().BindConfiguration(MailingListOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PendingSignUps>();
        services.AddScoped<SubscriberAdministration>();
        services.AddScoped<Privacy.PersonalData>();
        services.AddScoped<TestimonialService>();
        services.AddScoped<TestimonialModeration>();
        services.AddMemoryCache();
        services.AddScoped<Khilafat.Web.Supporters.SupporterCount>();
        services.AddSingleton<Khilafat.Web.Sharing.ShareCards>();
        services.AddScoped<Dashboard>();
        services.AddScoped<AuditReader>();
        services.AddScoped<Relief.ReliefDirectory>();
        services.AddSiteEvents();
        services.AddSiteMedia();
        services.AddSitePetitions();
        services.AddMemoryCache();
        services.AddScoped<Menus.SiteMenus>();

        services.AddOutputCache(options => options.AddPublicPolicies());
        // After the output cache: with Redis configured, its store replaces the in-memory one.
        services.AddSiteRedis(builder.Configuration);
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
        // Arabic and Urdu written as themselves, not as &#x...; entities (which would triple a page's size). HTML's own
        // special characters, control and format characters are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SiteCultures.All.ToArray();
            options.SetDefaultCulture(SiteCultures.Default).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.RequestCultureProviders = [new PathCultureProvider()];
        });
        services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap[TranslationRouteConstraint.Name] = typeof(TranslationRouteConstraint);
        });
        services.AddSiteRateLimits(builder.Configuration);
        services.AddSiteForwardedHeaders(builder.Configuration);
        services.AddScoped<RequireAdminTwoFactorFilter>();
        services.AddScoped<SiteSettingsStore>();
        services.AddRazorPages(options =>
        {
            // Every admin page needs an Editor or Admin by where it lives, not by an attribute someone must remember.
            options.Conventions.AuthorizeFolder("/Admin", Policies.Editor);
            foreach (var folder in AdminOnlyFolders) options.Conventions.AuthorizeFolder(folder, Policies.Admin);
            // Every public page also answers under /ar/ and /ur/.
            options.Conventions.AddFolderRouteModelConvention("/", LanguageRoutes.Add);
            options.Conventions.ConfigureFilter(new RejectUndefinedEnumsFilter());
            options.Conventions.ConfigureFilter(new KnownMethodsFilter());
            options.Conventions.AddFolderApplicationModelConvention("/Admin", model =>
            {
                model.Filters.Add(new NoStoreAttribute());
                model.Filters.Add(new ServiceFilterAttribute(typeof(RequireAdminTwoFactorFilter)));
            });
        })
        // Validation messages are translated like every other UI string.
        .AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // Each page is loaded when first asked for, not all of them at start-up (see the class).
        services.LoadPagesOnFirstRequest();
        // A value that cannot even be read ("abc" for a rating) gets the site's words too, not the framework's.
        services.AddOptions<MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>((options, t) =>
        {
            const string invalid = "This value is not valid.";
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => t[invalid]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t[invalid]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t[invalid]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t[invalid]);
            messages.SetValueIsInvalidAccessor(_ => t[invalid]);
            messages.SetValueMustBeANumberAccessor(_ => t[invalid]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t[invalid]);
            // A number or date left empty ("The value '' is invalid." in the framework's words).
            const string empty = "Fill in this field.";
            messages.SetValueMustNotBeNullAccessor(_ => t[empty]);
            messages.SetMissingBindRequiredValueAccessor(_ => t[empty]);
            messages.SetMissingKeyOrValueAccessor(() => t[empty]);
            options.ModelBinderProviders.Insert(0, new DefinedEnumBinderProvider());
            options.ModelBinderProviders.Insert(0, new YesNoBinderProvider());
            options.ModelBinderProviders.Insert(0, new FormTextBinderProvider());
        });
        return builder;
    }
}
