// Mixed load against a running site: about 90% GETs of public pages and 10% mailing-list sign-ups with distinct
// addresses (each with a valid anti-forgery token), from N connections for a fixed time. Prints requests/s and
// p50/p99 latency per kind and the errors, then checks that every acknowledged sign-up is in the database.
//   dotnet LoadTest.dll --url http://127.0.0.1:5401 (--db /path/khilafat.db | --postgres "Host=...;Database=...")
//                       [--seconds 30] [--connections 64] [--signups 0.1] [--mode mixed|petition --mail /path/pickup]
// --mode petition: a signing burst against one open petition instead (PetitionBurst.cs).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

var options = Options.Parse(args);
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
string[] pages = ["/", "/statement", "/faq", "/history", "/testimonials"];

using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    UseCookies = false,
    AllowAutoRedirect = false,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};

if (options.Mode == "petition") return await PetitionBurst.RunAsync(options, client, run);

// One anti-forgery pair (cookie and form token) is valid for any number of posts; each connection fetches its own, as browsers would.
async Task<(string Cookie, string Token)> FormTokensAsync()
{
    using var response = await client.GetAsync("/join");
    var html = await response.Content.ReadAsStringAsync();
    var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith(".Khilafat.Antiforgery=", StringComparison.Ordinal));
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    if (token.Length == 0) throw new InvalidOperationException("No anti-forgery token on /join");
    return (cookie, token);
}

var results = new Results[options.Connections];
var deadline = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Connections).Select(async worker =>
{
    var mine = results[worker] = new Results();
    var (cookie, token) = await FormTokensAsync();
    var random = new Random(worker);
    var n = 0;
    while (deadline.Elapsed.TotalSeconds < options.Seconds)
    {
        var signUp = random.NextDouble() < options.SignUpShare;
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (signUp)
            {
                var email = $"load-{run}-{worker}-{n++}@example.org";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/join")
                {
                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Consent", "true")]),
                };
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var ok = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/join/thanks";
                mine.Record(Kind.SignUp, Stopwatch.GetElapsedTime(started), ok ? null : $"POST /join {(int)response.StatusCode}");
                if (ok) mine.Acknowledged.Add(email);
            }
            else
            {
                var path = pages[random.Next(pages.Length)];
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                mine.Record(Kind.Page, Stopwatch.GetElapsedTime(started), (int)response.StatusCode < 400 ? null : $"GET {path} {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            mine.Record(signUp ? Kind.SignUp : Kind.Page, Stopwatch.GetElapsedTime(started), $"{(signUp ? "POST" : "GET")} {e.GetType().Name}: {e.Message}");
        }
    }
}).ToArray();
await Task.WhenAll(workers);
var elapsed = deadline.Elapsed.TotalSeconds;

Console.WriteLine($"{options.Seconds} s of mixed load from {options.Connections} connections, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"kind",-22} {"requests",9} {"requests/s",11} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
foreach (var kind in Enum.GetValues<Kind>())
{
    var latencies = results.SelectMany(r => r.Latencies[(int)kind]).OrderBy(l => l).ToArray();
    var errors = results.Sum(r => r.Errors[(int)kind]);
    var label = kind == Kind.Page ? "public page GETs" : "sign-up POSTs";
    Console.WriteLine($"{label,-22} {latencies.Length,9} {latencies.Length / elapsed,11:F0} {Percentile(latencies, 0.50),8:F2} {Percentile(latencies, 0.99),8:F2} {errors,7}");
}
var errorSamples = results.SelectMany(r => r.ErrorSamples).Take(10).ToList();
foreach (var sample in errorSamples) Console.WriteLine("  error: " + sample);

var acknowledged = results.SelectMany(r => r.Acknowledged).ToList();
Console.WriteLine($"sign-ups accepted: {acknowledged.Count} ({acknowledged.Count / elapsed:F0}/s)");

// Every acknowledged sign-up must be in the database.
var stored = new HashSet<string>(StringComparer.Ordinal);
await using (System.Data.Common.DbConnection db = options.Postgres is { } postgres
    ? new Npgsql.NpgsqlConnection(postgres)
    : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Database, Mode = SqliteOpenMode.ReadOnly }.ToString()))
{
    await db.OpenAsync();
    await using var command = db.CreateCommand();
    command.CommandText = "SELECT \"Email\" FROM \"Subscribers\" WHERE \"Email\" LIKE @prefix";
    var prefix = command.CreateParameter();
    prefix.ParameterName = "@prefix";
    prefix.Value = $"load-{run}-%";
    command.Parameters.Add(prefix);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
}
var lost = acknowledged.Count(email => !stored.Contains(email));
var totalErrors = results.Sum(r => r.Errors.Sum());
Console.WriteLine($"lost sign-ups: {lost} of {acknowledged.Count}");
Console.WriteLine($"errors: {totalErrors}");
return totalErrors == 0 && lost == 0 ? 0 : 1;

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

enum Kind { Page = 0, SignUp = 1 }

sealed class Results
{
    public readonly List<double>[] Latencies = [new(), new()];
    public readonly int[] Errors = new int[2];
    public readonly List<string> ErrorSamples = [];
    public readonly List<string> Acknowledged = [];

    public void Record(Kind kind, TimeSpan latency, string? error)
    {
        Latencies[(int)kind].Add(latency.TotalMilliseconds);
        if (error is null) return;
        Errors[(int)kind]++;
        if (ErrorSamples.Count < 5) ErrorSamples.Add(error);
    }
}

sealed record Options(Uri Url, string? Database, string? Postgres, int Seconds, int Connections, double SignUpShare, string Mode = "mixed", string? MailFolder = null)
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
            Get("--mail"));
    }
}
