// Petition mode: a signing burst against one open petition. Signers POST the signing form with distinct addresses;
// a confirmer reads the confirmation emails from the site's pickup folder and presses each one's button, as signers
// would; readers GET the petition's page throughout. Reports signatures/s, confirmations/s, the page's p50/p99 during
// the burst, errors, acknowledged signatures missing from the database, confirmations acknowledged but not stored,
// and whether the page's count (after its cache lifetime) equals the confirmed signatures stored.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MimeKit;

static class PetitionBurst
{
    /// <summary>Confirmation POSTs in flight at once, on connections beyond --connections (see Program.cs).</summary>
    public const int Confirmers = 8;

    public static async Task<int> RunAsync(Options options, HttpClient client, string run)
    {
        if (options.MailFolder is null) throw new ArgumentException("--mail (the site's pickup folder) is required in petition mode");
        var slug = $"load-{run}";
        await using (var db = options.OpenDatabase())
        {
            await db.OpenAsync();
            await CreatePetitionAsync(db, slug);
        }

        // The mail already in the pickup folder (a warm-up's, earlier runs') is not this burst's: the confirmer would
        // otherwise open every one of those files with MimeKit during the burst, on the cores the site is measured on.
        var seen = new HashSet<string>(Directory.Exists(options.MailFolder) ? Directory.GetFiles(options.MailFolder, "*.eml") : [], StringComparer.Ordinal);
        var readers = Math.Max(2, options.Connections / 8);
        var signers = Math.Max(1, options.Connections - readers);
        // Each signer fetches its own form, then waits out the form's time trap, as people do.
        var forms = await Task.WhenAll(Enumerable.Range(0, signers).Select(_ => SigningFormAsync(client, slug)));
        await Task.Delay(FormTimeTrap);

        var signLatencies = new ConcurrentBag<double>();
        var pageLatencies = new ConcurrentBag<double>();
        var confirmLatencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentBag<string>();
        var confirmedAcknowledged = new ConcurrentBag<string>();
        var burstOver = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var signing = Enumerable.Range(0, signers).Select(async worker =>
        {
            for (var n = 0; clock.Elapsed.TotalSeconds < options.Seconds; n++)
            {
                var email = $"signer-{run}-{worker}-{n}@example.org";
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(Signature(slug, forms[worker], email, $"Signer {worker} {n}"));
                    await response.Content.ReadAsByteArrayAsync();
                    signLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == ThanksPath(slug)) acknowledged.Add(email);
                    else errors.Enqueue($"POST sign {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors.Enqueue($"POST sign {e.GetType().Name}: {e.Message}");
                }
            }
        }).ToList();

        var reading = Enumerable.Range(0, readers).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < options.Seconds)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync($"/petitions/{slug}");
                    await response.Content.ReadAsByteArrayAsync();
                    pageLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) errors.Enqueue($"GET petition {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors.Enqueue($"GET petition {e.GetType().Name}: {e.Message}");
                }
            }
        }).ToList();

        // Confirms every confirmation that reaches the pickup folder, during the burst and for a while after it, until
        // every acknowledged signature's email has been confirmed or nothing new has come for 15 seconds.
        var (confirmCookie, confirmToken, _) = forms[0];
        var confirming = Task.Run(async () =>
        {
            var quietSince = Stopwatch.StartNew();
            while (true)
            {
                var fresh = Directory.Exists(options.MailFolder) ? Directory.GetFiles(options.MailFolder, "*.eml").Where(seen.Add).ToList() : [];
                if (fresh.Count > 0) quietSince.Restart();
                await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = Confirmers }, async (file, ct) =>
                {
                    var message = await MimeMessage.LoadAsync(file, ct);
                    var link = Regex.Match(message.TextBody ?? "", @"/petitions/confirm\?token=([A-Za-z0-9_\-]+)");
                    if (!link.Success) return;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/petitions/confirm")
                        {
                            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", confirmToken), new("Token", link.Groups[1].Value)]),
                        };
                        request.Headers.Add("Cookie", confirmCookie);
                        using var response = await client.SendAsync(request, ct);
                        await response.Content.ReadAsByteArrayAsync(ct);
                        confirmLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == $"/petitions/{slug}/confirmed")
                            confirmedAcknowledged.Add(message.To.Mailboxes.First().Address);
                        else errors.Enqueue($"POST confirm {(int)response.StatusCode}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        errors.Enqueue($"POST confirm {e.GetType().Name}: {e.Message}");
                    }
                });
                var over = clock.Elapsed.TotalSeconds >= options.Seconds;
                if (over && (confirmedAcknowledged.Count >= acknowledged.Count || quietSince.Elapsed > TimeSpan.FromSeconds(15))) return;
                await Task.Delay(200);
            }
        });

        await Task.WhenAll(signing.Concat(reading));
        var burst = clock.Elapsed.TotalSeconds;
        await confirming;
        var total = clock.Elapsed.TotalSeconds;

        // Stored rows: every acknowledged signature must be there, every acknowledged confirmation confirmed.
        var stored = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using (var db = options.OpenDatabase())
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT s.\"Email\", s.\"Status\" FROM \"PetitionSignatures\" s JOIN \"Petitions\" p ON p.\"Id\" = s.\"PetitionId\" WHERE p.\"Slug\" = @slug";
            command.Add("@slug", slug);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = reader.GetInt32(1);
        }
        var lost = acknowledged.Count(e => !stored.ContainsKey(e));
        var lostConfirmations = confirmedAcknowledged.Count(e => !stored.TryGetValue(e, out var status) || status != 1);
        var confirmedStored = stored.Values.Count(s => s == 1);
        // The page is cached for a few seconds: after that it must show exactly what is stored.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var page = await client.GetStringAsync($"/petitions/{slug}");
        var shown = Regex.Match(page, "class=\"petition-count\">([^<]+)<").Groups[1].Value;

        double P(ConcurrentBag<double> bag, double p) { var s = bag.OrderBy(x => x).ToArray(); return s.Length == 0 ? 0 : s[Math.Min(s.Length - 1, (int)Math.Ceiling(p * s.Length) - 1)]; }
        Console.WriteLine($"{options.Seconds} s signing burst against /petitions/{slug}: {signers} signers, {readers} page readers and up to {Confirmers} confirmations at once, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"kind",-24} {"requests",9} {"requests/s",11} {"p50 ms",8} {"p99 ms",8}");
        Console.WriteLine($"{"signature POSTs",-24} {signLatencies.Count,9} {signLatencies.Count / burst,11:F0} {P(signLatencies, 0.5),8:F2} {P(signLatencies, 0.99),8:F2}");
        Console.WriteLine($"{"petition page GETs",-24} {pageLatencies.Count,9} {pageLatencies.Count / burst,11:F0} {P(pageLatencies, 0.5),8:F2} {P(pageLatencies, 0.99),8:F2}");
        Console.WriteLine($"{"confirmation POSTs",-24} {confirmLatencies.Count,9} {confirmLatencies.Count / total,11:F0} {P(confirmLatencies, 0.5),8:F2} {P(confirmLatencies, 0.99),8:F2}");
        Console.WriteLine($"signatures acknowledged: {acknowledged.Count} ({acknowledged.Count / burst:F0}/s); confirmed: {confirmedAcknowledged.Count} of them ({total:F0} s with the drain)");
        Console.WriteLine($"lost signatures (acknowledged, not stored): {lost}; lost confirmations (acknowledged, not confirmed): {lostConfirmations}");
        Console.WriteLine($"confirmed signatures stored: {confirmedStored}; the page shows: {shown}");
        foreach (var sample in errors.Take(10)) Console.WriteLine("  error: " + sample);
        Console.WriteLine($"errors: {errors.Count}");
        var countMatches = shown == (confirmedStored == 1 ? "1 signature" : $"{confirmedStored:N0} signatures");
        if (!countMatches) Console.WriteLine("the page's count differs from the confirmed signatures stored");
        return errors.IsEmpty && lost == 0 && lostConfirmations == 0 && countMatches ? 0 : 1;
    }

    /// <summary>How long a signer waits after fetching the form: past the site's time trap for robots, as people are.</summary>
    public static readonly TimeSpan FormTimeTrap = TimeSpan.FromSeconds(3.5);

    /// <summary>The signing form, as each signer fetches it.</summary>
    public static Task<Form> SigningFormAsync(HttpClient client, string slug) => Forms.GetAsync(client, $"/petitions/{slug}/sign", stamped: true);

    /// <summary>A signature's POST from that form; the site answers a stored one with a redirect to ThanksPath.</summary>
    public static HttpRequestMessage Signature(string slug, Form form, string email, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/petitions/{slug}/sign")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Token), new("Input.FormStamp", form.Stamp), new("Input.Email", email),
                new("Input.Name", name), new("Input.Country", "GB"), new("Input.Consent", "true"), new("Input.ShowName", "true")]),
        };
        request.Headers.Add("Cookie", form.Cookie);
        return request;
    }

    public static string ThanksPath(string slug) => $"/petitions/{slug}/thanks";

    /// <summary>An open petition with its English text published, written as the editor's service would store it.</summary>
    public static async Task CreatePetitionAsync(System.Data.Common.DbConnection db, string slug)
    {
        var now = DateTime.UtcNow;
        await using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO "Petitions" ("Slug", "AddressedTo", "Goal", "State", "CreatedAt", "UpdatedAt") VALUES (@slug, 'The Foreign Secretary', 100000, 1, @now, @now);
            INSERT INTO "Texts" ("Kind", "ItemId", "Culture", "Title", "Summary", "Body", "IsPublished", "PublishedTitle", "PublishedSummary", "PublishedBody", "PublishedAt", "UpdatedAt", "Version")
            SELECT 'petition', "Id", 'en', 'Load test petition', '', 'Signed by the load test.', TRUE, 'Load test petition', '', 'Signed by the load test.', @now, @now, 1
            FROM "Petitions" WHERE "Slug" = @slug;
            """;
        command.Add("@slug", slug);
        command.Add("@now", now);
        await command.ExecuteNonQueryAsync();
    }
}
