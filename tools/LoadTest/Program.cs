// Mixed load against a running site: about 90% GETs of public pages and 10% mailing-list sign-ups with distinct
// addresses (each with a valid anti-forgery token), from N connections for a fixed time. Prints requests/s and
// p50/p99 latency per kind and the errors, then checks that every acknowledged sign-up is in the database.
//   dotnet LoadTest.dll --url http://127.0.0.1:5401 (--db /path/khilafat.db | --postgres "Host=...;Database=...")
//                       [--seconds 30] [--connections 64] [--signups 0.1] [--mode mixed|mixed-petition|petition|timing --mail /path/pickup]
//                       (--signups: the share of requests that are writes: sign-ups, or signatures in mixed-petition mode)
//                       [--ca cert.pem] [--kill-pid PID --kill-after S [--kill-upstream 127.0.0.1:5402]]
//                       [--mails /pickup1,/pickup2 --public-url https://...]
// --mode mixed-petition: the same mixed load with petition signatures as its writes: one open petition made for the
// run, its page among the public pages, each write a signature with a distinct address (not confirmed, as sign-ups
// are not), each checked stored afterwards.
// --mode petition: a signing burst against one open petition instead (PetitionBurst.cs).
// --mode timing: sign-ups one at a time, of new addresses and of addresses on the list, timed (AnswerTiming.cs).
// --ca: an https site whose certificate is that file (a self-signed one made for the run): trusted for this run only.
// --kill-pid and --kill-after: SIGKILL that process (one of several instances behind a balancer) S seconds into the
// run. A sign-up in flight to it at that moment may fail without being acknowledged: those are counted apart; any
// other error still counts. --kill-upstream: the killed instance's address as nginx names it in an X-Upstream-Addr
// header (set by scripts/loadtest.sh's nginx), which tells those sign-ups from others.
// --mails: the pickup folders of the instances; counts the confirmation emails each wrote for this run's sign-ups and
// checks every confirmation link starts with --public-url.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MimeKit;

var options = Options.Parse(args);
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
string[] pages = ["/", "/statement", "/faq", "/history", "/testimonials"];
if (options.Mode is not ("mixed" or "mixed-petition" or "petition" or "timing")) throw new ArgumentException($"--mode is mixed, mixed-petition, petition or timing, not {options.Mode}");
var signatures = options.Mode == "mixed-petition";

var handler = new SocketsHttpHandler
{
    // A petition burst's confirmer has connections of its own: sharing the signers' and readers' would queue their
    // requests in this handler behind its POSTs, counted as the site's latency.
    MaxConnectionsPerServer = options.Connections + (options.Mode == "petition" ? PetitionBurst.Confirmers : 0),
    UseCookies = false,
    AllowAutoRedirect = false,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
};
if (options.CertificateFile is { } certificateFile)
{
    // Only the given certificate is trusted, as a root of its own; the host name is still checked by the platform.
    var trusted = X509CertificateLoader.LoadCertificateFromFile(certificateFile);
    handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(presented);
    };
}
using var client = new HttpClient(handler)
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};

if (options.Mode == "petition") return await PetitionBurst.RunAsync(options, client, run);
if (options.Mode == "timing") return await AnswerTiming.RunAsync(options, client, run);

var slug = $"load-{run}";
if (signatures)
{
    await using var db = options.OpenDatabase();
    await db.OpenAsync();
    await PetitionBurst.CreatePetitionAsync(db, slug);
    pages = [.. pages, $"/petitions/{slug}"];
}
var writeLabel = signatures ? "signature" : "sign-up";

// Each connection fetches its own form, as browsers would.
Task<Form> FormAsync() => signatures ? PetitionBurst.SigningFormAsync(client, slug) : Forms.GetAsync(client, "/join");

// Every connection's form before the clock starts (a signing form's time trap is waited out once, for all of them).
var forms = await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => FormAsync()));
if (signatures) await Task.Delay(PetitionBurst.FormTimeTrap);

var results = new Results[options.Connections];
var deadline = Stopwatch.StartNew();
// The moments of the kill signal and of the killed process being gone, in ticks of the run's stopwatch (long.MaxValue:
// no kill, or not yet). Until the kernel has torn a killed process down, its sockets still take requests, which then
// fail: a request sent to it before that moment was in flight at the kill.
var signalledAt = long.MaxValue;
var killedAt = long.MaxValue;
var killing = options.KillPid is { } killPid
    ? Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(options.KillAfter));
        using var victim = Process.GetProcessById(killPid);
        var signalled = deadline.Elapsed;
        Interlocked.Exchange(ref signalledAt, deadline.ElapsedTicks);
        victim.Kill(); // SIGKILL on Linux
        while (File.Exists($"/proc/{killPid}/stat") && File.ReadAllText($"/proc/{killPid}/stat").Split(')')[^1].Trim()[0] is not ('Z' or 'X')) await Task.Delay(1);
        Interlocked.Exchange(ref killedAt, deadline.ElapsedTicks);
        Console.WriteLine($"killed process {killPid} (SIGKILL) after {signalled.TotalSeconds:F1} s; gone {(deadline.Elapsed - signalled).TotalMilliseconds:F0} ms later");
    })
    : Task.CompletedTask;
var workers = Enumerable.Range(0, options.Connections).Select(async worker =>
{
    var mine = results[worker] = new Results();
    var form = forms[worker];
    var random = new Random(worker);
    var n = 0;
    while (deadline.Elapsed.TotalSeconds < options.Seconds)
    {
        var write = random.NextDouble() < options.WriteShare;
        var started = Stopwatch.GetTimestamp();
        var startedTicks = deadline.ElapsedTicks;
        // A failed sign-up that was in flight to the instance when it was killed: not acknowledged, so not lost either.
        // Behind nginx, that is one nginx answered 502 for, naming the killed instance as the one it sent it to: a
        // request already sent is never passed to another instance, and nginx may still send one, on a kept-alive
        // connection, in the moment before it notices the instance's connections closed. Straight to the instance,
        // it is one sent before the instance was gone.
        bool InFlightAtKill(HttpResponseMessage? response) => write && (options.KillUpstream is { } killed
            ? response is { StatusCode: HttpStatusCode.BadGateway } && deadline.ElapsedTicks >= Interlocked.Read(ref signalledAt)
              && response.Headers.TryGetValues("X-Upstream-Addr", out var tried) && tried.Last().Split(", ")[^1] == killed
            : startedTicks < Interlocked.Read(ref killedAt));
        bool AfterKill() => startedTicks >= Interlocked.Read(ref signalledAt);
        try
        {
            if (write)
            {
                var email = $"load-{run}-{worker}-{n}@example.org";
                using var request = signatures ? PetitionBurst.Signature(slug, form, email, $"Signer {worker} {n}") : Forms.SignUp(form, email);
                n++;
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var ok = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == (signatures ? PetitionBurst.ThanksPath(slug) : "/join/thanks");
                mine.Record(Kind.Write, Stopwatch.GetElapsedTime(started), ok ? null : $"POST {request.RequestUri?.AbsolutePath} {(int)response.StatusCode}", !ok && InFlightAtKill(response), AfterKill());
                if (ok) mine.Acknowledged.Add(email);
            }
            else
            {
                var path = pages[random.Next(pages.Length)];
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                mine.Record(Kind.Page, Stopwatch.GetElapsedTime(started), (int)response.StatusCode < 400 ? null : $"GET {path} {(int)response.StatusCode}", false, AfterKill());
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            mine.Record(write ? Kind.Write : Kind.Page, Stopwatch.GetElapsedTime(started), $"{(write ? "POST" : "GET")} {e.GetType().Name}: {e.Message}", options.KillUpstream is null && InFlightAtKill(null), AfterKill());
        }
    }
}).ToArray();
await Task.WhenAll(workers);
var elapsed = deadline.Elapsed.TotalSeconds;
await killing;

Console.WriteLine($"{options.Seconds} s of mixed load{(signatures ? $" with signatures of /petitions/{slug}" : "")} from {options.Connections} connections, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"kind",-22} {"requests",9} {"requests/s",11} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
foreach (var kind in Enum.GetValues<Kind>())
{
    var latencies = results.SelectMany(r => r.Latencies[(int)kind]).OrderBy(l => l).ToArray();
    var errors = results.Sum(r => r.Errors[(int)kind]);
    var label = kind == Kind.Page ? "public page GETs" : $"{writeLabel} POSTs";
    Console.WriteLine($"{label,-22} {latencies.Length,9} {latencies.Length / elapsed,11:F0} {Percentile(latencies, 0.50),8:F2} {Percentile(latencies, 0.99),8:F2} {errors,7}");
}
var errorSamples = results.SelectMany(r => r.ErrorSamples).Take(10).ToList();
foreach (var sample in errorSamples) Console.WriteLine("  error: " + sample);
if (options.KillPid is not null)
{
    Console.WriteLine($"sign-ups failed at the kill (not acknowledged): {results.Sum(r => r.FailedAtKill)}");
    foreach (var sample in results.SelectMany(r => r.FailedAtKillSamples).Take(5)) Console.WriteLine("  failed at the kill: " + sample);
    Console.WriteLine($"other errors: {results.Sum(r => r.Errors.Sum() - r.ErrorsAfterKill)} before the kill, {results.Sum(r => r.ErrorsAfterKill)} after it");
}

var acknowledged = results.SelectMany(r => r.Acknowledged).ToList();
Console.WriteLine($"{writeLabel}s accepted: {acknowledged.Count} ({acknowledged.Count / elapsed:F0}/s)");

// Every acknowledged sign-up must be in the database.
var stored = new HashSet<string>(StringComparer.Ordinal);
await using (var db = options.OpenDatabase(readOnly: true))
{
    await db.OpenAsync();
    await using var command = db.CreateCommand();
    command.CommandText = $"SELECT \"Email\" FROM \"{(signatures ? "PetitionSignatures" : "Subscribers")}\" WHERE \"Email\" LIKE @prefix";
    command.Add("@prefix", $"load-{run}-%");
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
}
var lost = acknowledged.Count(email => !stored.Contains(email));
var totalErrors = results.Sum(r => r.Errors.Sum());
Console.WriteLine($"lost {writeLabel}s: {lost} of {acknowledged.Count}");
var wrongLinks = options.MailFolders.Length > 0 ? await CountConfirmationsAsync(acknowledged) : 0;
Console.WriteLine($"errors: {totalErrors}");
return totalErrors == 0 && lost == 0 && wrongLinks == 0 ? 0 : 1;

// The confirmation emails each instance wrote for this run's sign-ups (waiting while they still come), and how many
// links in them do not start with the public URL; prints both.
async Task<int> CountConfirmationsAsync(List<string> signedUp)
{
    var prefix = $"load-{run}-";
    var publicUrl = options.PublicUrl?.TrimEnd('/');
    var counts = new int[options.MailFolders.Length];
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var wrong = new List<string>();
    var quiet = Stopwatch.StartNew();
    var waiting = Stopwatch.StartNew();
    while (counts.Sum() < signedUp.Count && quiet.Elapsed < TimeSpan.FromSeconds(5) && waiting.Elapsed < TimeSpan.FromSeconds(30))
    {
        for (var i = 0; i < options.MailFolders.Length; i++)
        {
            if (!Directory.Exists(options.MailFolders[i])) continue;
            foreach (var file in Directory.GetFiles(options.MailFolders[i], "*.eml"))
            {
                if (!seen.Add(file)) continue;
                var message = await MimeMessage.LoadAsync(file);
                if (!message.To.Mailboxes.Any(m => m.Address.StartsWith(prefix, StringComparison.Ordinal))) continue;
                counts[i]++;
                quiet.Restart();
                foreach (Match link in Regex.Matches((message.TextBody ?? "") + (message.HtmlBody ?? ""), @"(https?://[^\s""'<>]+?)/join/confirm\?token="))
                    if (publicUrl is not null && link.Groups[1].Value != publicUrl) wrong.Add(link.Value);
            }
        }
        await Task.Delay(200);
    }
    Console.WriteLine("confirmation emails written: " + string.Join(", ", counts.Select((n, i) => $"by instance {i + 1}: {n}")) + $" (of {signedUp.Count} acknowledged sign-ups)");
    if (publicUrl is not null) Console.WriteLine($"confirmation links not starting with {publicUrl}: {wrong.Count}{(wrong.Count > 0 ? " (e.g. " + wrong[0] + ")" : "")}");
    return wrong.Count;
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

// Write: a sign-up, or a signature in mixed-petition mode.
enum Kind { Page = 0, Write = 1 }

sealed class Results
{
    public readonly List<double>[] Latencies = [new(), new()];
    public readonly int[] Errors = new int[2];
    public readonly List<string> ErrorSamples = [];
    public readonly List<string> Acknowledged = [];
    public readonly List<string> FailedAtKillSamples = [];
    public int FailedAtKill;
    public int ErrorsAfterKill;

    public void Record(Kind kind, TimeSpan latency, string? error, bool inFlightAtKill = false, bool afterKill = false)
    {
        Latencies[(int)kind].Add(latency.TotalMilliseconds);
        if (error is null) return;
        if (inFlightAtKill)
        {
            FailedAtKill++;
            if (FailedAtKillSamples.Count < 5) FailedAtKillSamples.Add(error);
            return;
        }
        Errors[(int)kind]++;
        if (afterKill) ErrorsAfterKill++;
        if (ErrorSamples.Count < 5) ErrorSamples.Add(error);
    }
}

sealed record Options(Uri Url, string? Database, string? Postgres, int Seconds, int Connections, double WriteShare, string Mode = "mixed", string? MailFolder = null,
    string? CertificateFile = null, int? KillPid = null, double KillAfter = 0, string[] MailFolders = default!, string? PublicUrl = null,
    string? KillUpstream = null)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            new Uri(Get("--url") ?? throw new ArgumentException("--url is required")),
            Get("--db"),
            Get("--postgres") ?? (Get("--db") is null ? throw new ArgumentException("--db or --postgres is required") : null),
            int.Parse(Get("--seconds") ?? "30", CultureInfo.InvariantCulture),
            int.Parse(Get("--connections") ?? "64", CultureInfo.InvariantCulture),
            double.Parse(Get("--signups") ?? "0.1", CultureInfo.InvariantCulture),
            Get("--mode") ?? "mixed",
            Get("--mail"),
            Get("--ca"),
            Get("--kill-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            double.Parse(Get("--kill-after") ?? "0", CultureInfo.InvariantCulture),
            Get("--mails")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Get("--public-url"),
            Get("--kill-upstream"));
    }

    /// <summary>A connection (not yet open) to the site's database, to set up a run and to check what it stored.</summary>
    public System.Data.Common.DbConnection OpenDatabase(bool readOnly = false) => Postgres is { } postgres
        ? new Npgsql.NpgsqlConnection(postgres)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate }.ToString());
}
