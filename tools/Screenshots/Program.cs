using Microsoft.Playwright;

// Photographs the home page and the statement in English, Arabic and Urdu at 1280 and 375 px, as PNGs named
// {page}-{language}-{width}.png, from a site already running on loopback:
//   dotnet Screenshots.dll http://127.0.0.1:5602 docs/screenshots
// The browser is Chromium from the system (CHROMIUM_PATH, else /usr/bin/chromium), never a download, launched as the
// browser tests launch it: every request not to loopback goes to a proxy where nothing listens, so it fails.
if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var site) || !System.Net.IPAddress.TryParse(site.Host, out var host) || !System.Net.IPAddress.IsLoopback(host))
{
    Console.Error.WriteLine("usage: Screenshots <site address on 127.0.0.1> <output folder>");
    return 2;
}
var folder = Directory.CreateDirectory(args[1]).FullName;
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"No Chromium at {chromium}: install Debian's chromium package, or set CHROMIUM_PATH.");
    return 1;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--proxy-server=http://127.0.0.1:9",
    ],
});

var pages = new (string Name, string Path)[] { ("home", "/"), ("statement", "/statement") };
var languages = new[] { "en", "ar", "ur" };
foreach (var width in new[] { 1280, 375 })
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = site.ToString(),
        ViewportSize = new ViewportSize { Width = width, Height = width == 375 ? 812 : 900 },
        DeviceScaleFactor = width == 375 ? 2 : 1,
        Locale = "en-GB",
    });
    var page = await context.NewPageAsync();
    foreach (var (name, path) in pages)
    {
        foreach (var language in languages)
        {
            var address = language == "en" ? path : "/" + language + (path == "/" ? "" : path);
            var response = await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            if (response?.Status != 200)
            {
                Console.Error.WriteLine($"{address} answered {response?.Status}.");
                return 1;
            }
            // The fonts the page asked for are drawn before the picture is taken.
            await page.EvaluateAsync("() => document.fonts.ready");
            var file = Path.Combine(folder, $"{name}-{language}-{width}.png");
            // The first screen, as a visitor first sees it; the whole statement would be a very long picture.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            Console.WriteLine(file);
        }
    }
}
return 0;
