using Microsoft.Playwright;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>
/// The browser the tests drive: Debian's Chromium (the "chromium" package) at /usr/bin/chromium, or the executable
/// CHROMIUM_PATH names. Playwright's own browser download is never used (this machine cannot fetch it), and a missing
/// browser fails the run: a skipped browser suite would look green while proving nothing.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";
    public const string PathVariable = "CHROMIUM_PATH";

    /// <summary>The executable to launch; throws, naming the package and the variable, when there is none.</summary>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured.Trim();
        if (File.Exists(path)) return path;
        var source = string.IsNullOrWhiteSpace(configured) ? $"the default {DefaultPath} ({PathVariable} is not set)" : $"{PathVariable}={configured}";
        throw new InvalidOperationException(
            $"The browser tests need Chromium, and there is none at {source}. Install Debian's chromium package " +
            $"(apt-get install -y chromium, which ./test.sh does when run as root), or set {PathVariable} to a Chromium or Chrome executable.");
    }

    /// <summary>
    /// Headless, and reaching nothing beyond this machine: no component updates, sync or background requests, and every
    /// request that is not to loopback goes to a proxy address where nothing listens (port 9, discard), so it fails.
    /// Chromium never sends loopback requests through a proxy, so the site on 127.0.0.1 is reached directly.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath(),
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--proxy-server=http://127.0.0.1:9",
        ],
        Timeout = 60_000,
    };
}
