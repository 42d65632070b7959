using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.TestHosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a Kestrel port on 127.0.0.1, with its own temporary SQLite file, a mail pickup folder, a clock the
/// test can move and a log it can read, and one headless Chromium to visit it. One per test class (IClassFixture):
/// classes run in parallel without sharing data; each test opens its own browser context (its own cookies).
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly SiteFactory _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserSite()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "khilafat-browser-tests", Guid.NewGuid().ToString("N"));
        // Chosen before start, because the site's public address (Site:PublicUrl, for links in emails) names it.
        Port = Khilafat.Web.Tests.Infrastructure.Ports.FreeLoopback();
        _factory = new SiteFactory(this);
    }

    public string DataDirectory { get; }
    public string MailFolder => Path.Combine(DataDirectory, "mail");

    /// <summary>The app's clock: it stands still until a test moves it, from now in whole microseconds (as the integration tests' clock).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / 10 * 10, TimeSpan.Zero));

    /// <summary>Every log message the app writes, so a test can read what was logged (the first-run setup link).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>The loopback port the site listens on.</summary>
    public int Port { get; }

    /// <summary>Where the site listens, http://127.0.0.1:{port}/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;
    public Mailbox Mailbox => new(MailFolder);

    /// <summary>Data a test class needs before its first test, written through the app's own services.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // First, so that a machine without Chromium fails here with the message that says what to install.
        var launch = Chromium.LaunchOptions();

        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        _factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(BaseAddress.Host)), $"The site must listen on the loopback address only, not {address}.");
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(launch);
    }

    /// <summary>A fresh browser context (its own cookies) on the site.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 900, string? storageState = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>Creates an account with <paramref name="role"/> through the app's own services; returns its email.</summary>
    public async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, role, Actor.System, Password);
        Assert.True(result.Succeeded, result.Error);
        return email;
    }

    /// <summary>Runs code against the app's own services in a fresh scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class SiteFactory(BrowserSite site) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(site.DataDirectory);
            SharedKeyEncryption.CopyInto(site.DataDirectory);
            // As in production, not Development: the exception handler, HSTS, and no developer pages.
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(site.DataDirectory, "site.db")}");
            builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
            // As published: the build's precompressed files are served as they are. ASP.NET's runtime reloading of a
            // build's static files (on unless set off) sends them gzip-wrapped without compression, which would make
            // every page weigh what it never weighs in production.
            builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
            builder.UseSetting("Email:PickupDirectory", site.MailFolder);
            builder.UseSetting("Media:Directory", Path.Combine(site.DataDirectory, "media"));
            builder.UseSetting("Site:PublicUrl", $"http://127.0.0.1:{site.Port}");
            builder.UseSetting("Email:PollInterval", "00:00:00.100");
            // Cookies stay as in production (the sign-in cookie marked Secure): Chromium treats loopback as a secure
            // context and keeps Secure cookies from http://127.0.0.1, and the anti-forgery cookie follows the request's scheme.
            // Every request of a test comes from 127.0.0.1; the limits are tested by the integration tests.
            foreach (var limit in new[] { "SignIn", "Testimonials", "SignUps", "Links", "Rsvps", "Petitions", "PerEmail" }) builder.UseSetting("RateLimits:" + limit, "100000");
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(site.Clock));
        }
    }
}
