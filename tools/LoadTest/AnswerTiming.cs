// --mode timing: whether the time a sign-up takes to answer tells who is on the list. The page a visitor sees is the
// same for a new address and for one already confirmed; if the answer took longer for one of them, anyone could sign up
// someone else's address and learn from the clock whether that person is a supporter. One request at a time (nothing
// else shares the write), alternately a new address and one confirmed on the list (stored for the run), each confirmed
// one asked once, as a first probe of it is; which of a pair goes first alternates. Prints the median, p10 and p90 of
// each and the median of the pairs' differences, after a warm-up of pairs not counted.
using System.Diagnostics;
using System.Globalization;
using System.Net;

static class AnswerTiming
{
    private const int WarmUpPairs = 40;
    private const int Pairs = 400;

    public static async Task<int> RunAsync(Options options, HttpClient client, string run)
    {
        var onTheList = Enumerable.Range(0, WarmUpPairs + Pairs).Select(i => $"on-list-{run}-{i}@example.org").ToList();
        await using (var db = options.OpenDatabase())
        {
            await db.OpenAsync();
            await AddConfirmedAsync(db, onTheList);
        }
        var form = await Forms.GetAsync(client, "/join");
        var fresh = new List<double>();
        var confirmed = new List<double>();
        var differences = new List<double>();
        for (var i = 0; i < WarmUpPairs + Pairs; i++)
        {
            double freshMs, confirmedMs;
            if (i % 2 == 0)
            {
                freshMs = await TimeAsync(client, form, $"new-{run}-{i}@example.org");
                confirmedMs = await TimeAsync(client, form, onTheList[i]);
            }
            else
            {
                confirmedMs = await TimeAsync(client, form, onTheList[i]);
                freshMs = await TimeAsync(client, form, $"new-{run}-{i}@example.org");
            }
            if (i < WarmUpPairs) continue;
            fresh.Add(freshMs);
            confirmed.Add(confirmedMs);
            differences.Add(confirmedMs - freshMs);
        }
        Print("sign-up of a new address", fresh);
        Print("sign-up of an address on the list", confirmed);
        differences.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of the {Pairs} pairs' differences (on the list minus new): {Percentile(differences, 0.5):F2} ms; p10 {Percentile(differences, 0.1):F2}, p90 {Percentile(differences, 0.9):F2}"));
        return 0;
    }

    private static async Task<double> TimeAsync(HttpClient client, Form form, string email)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(Forms.SignUp(form, email));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/join/thanks")
            throw new InvalidOperationException($"Signing up {email} answered {(int)response.StatusCode} {response.Headers.Location}");
        return elapsed;
    }

    // Confirmed subscribers as the site stores one, with the consent of a sign-up confirmed a day ago.
    private static async Task AddConfirmedAsync(System.Data.Common.DbConnection db, IReadOnlyList<string> emails)
    {
        var day = DateTime.UtcNow.AddDays(-1);
        await using var transaction = await db.BeginTransactionAsync();
        foreach (var email in emails)
        {
            await using var command = db.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "Subscribers" ("Email", "Language", "Status", "CreatedAt", "ConfirmedAt", "BounceCount", "ConfirmationsOnDay",
                    "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version")
                VALUES (@email, 'en', 1, @day, @day, 0, 0, @day, '/join', 'Added for the timing run.', 'join-2026-11')
                """;
            command.Add("@email", email);
            command.Add("@day", day);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static void Print(string what, List<double> latencies)
    {
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {Percentile(latencies, 0.5):F2} ms, p10 {Percentile(latencies, 0.1):F2} ms, p90 {Percentile(latencies, 0.9):F2} ms ({latencies.Count})"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
