using System.Diagnostics;
using System.Net;
using System.Text;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The built site started as its own process on 127.0.0.1, as it runs in production, so a test can kill it
/// (SIGKILL), stop it (SIGTERM) and start it again on the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri Address { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The web project's own build output (same configuration as these tests), found from the solution folder.</summary>
    public static string AppDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Khilafat.Web.sln"))) directory = directory.Parent;
            if (directory is null) throw new InvalidOperationException("The solution folder (Khilafat.Web.sln) was not found above " + AppContext.BaseDirectory);
            // Tests run from bin/<Configuration>/net10.0/.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var app = Path.Combine(directory.FullName, "src", "Khilafat.Web", "bin", configuration, "net10.0");
            if (!File.Exists(Path.Combine(app, "Khilafat.Web.dll"))) throw new InvalidOperationException($"The site is not built at {app}: build the solution first.");
            return app;
        }
    }

    /// <summary>
    /// What every site process runs with unless a test says otherwise: the form limits far out of the way (all its
    /// requests come from 127.0.0.1), and a log quiet but for the site's own messages and its start and stop.
    /// </summary>
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["RateLimits__SignIn"] = "1000000",
        ["RateLimits__SignUps"] = "1000000",
        ["RateLimits__Links"] = "1000000",
        ["RateLimits__PerEmail"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Khilafat"] = "Information",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Starts the site with <paramref name="settings"/> (over the <see cref="Defaults"/>) as environment variables (keys
    /// like "ConnectionStrings__Default"), on <paramref name="port"/> or a free one.
    /// </summary>
    /// <summary>
    /// Runs one of the site's commands (`backup FILE`, `forget-keys`) in Production with <paramref name="environment"/>
    /// to its end, a minute at most: its exit code, and what it wrote to standard output and to standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppDirectory, "Khilafat.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        // Both read at once: a command that fills one pipe while the other is read first would wait for ever.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts the site, waits until it answers, and stops it as a container runtime would (SIGTERM): a start that
    /// leaves its database, files and log as a site stopped between two starts does. Returns what it logged.
    /// </summary>
    public static async Task<string> StartAndStopAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var app = Launch(settings);
        await app.WaitUntilHealthyAsync();
        app.Terminate();
        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The site did not stop.\n" + app.Output);
        return app.Output;
    }

    public static AppProcess Launch(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        port ??= Ports.FreeLoopback();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppDirectory, "Khilafat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // Production needs the public address; this process is reached at its loopback port (a test may override it, or blank it).
        start.Environment["Site__PublicUrl"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in Defaults.Concat(settings)) start.Environment[key] = value;
        return new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>, 120 s by default) until /healthz answers 200; fails with the app's
    /// output if it does not, or if the app exits. 120 s, not 60: a fresh-clone run with both suites at once once took
    /// longer than 60 s to start one of these processes.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"The site exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return Healthy;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            return Output;
        }, state => ReferenceEquals(state, Healthy), "the site to answer /healthz (last seen: its output)", timeout ?? TimeSpan.FromSeconds(120));
    }

    private const string Healthy = "healthy";

    /// <summary>Waits (at most <paramref name="timeout"/>) for the process to end; false if it has not.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            // Without a timeout, WaitForExit also waits until the output handlers have seen the last line.
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it is writing.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: what a container runtime or systemd sends to stop the site.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit(5000);
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed with code {kill.ExitCode}");
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }
}
