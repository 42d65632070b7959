using System.Net;
using CsvHelper;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>Ten thousand subscribers, stored once straight into the database.</summary>
public class TenThousandSubscribersFactory : MailSiteFactory, IAsyncLifetime
{
    public const int Count = 10_000;
    public const string FormulaName = "=HYPERLINK(\"http://evil.example/\",\"Click me\")";
    public const string FormulaEmail = "formula@example.org";

    public static string EmailOf(int i) => i == 0 ? FormulaEmail : $"member{i:D5}@example.org";
    public static SubscriberStatus StatusOf(int i) => (SubscriberStatus)(i % 3);
    public static string? CountryOf(int i) => (i % 4) switch { 0 => "PK", 1 => "GB", 2 => "IN", _ => null };

    public async Task InitializeAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Subscribers.AddRange(Enumerable.Range(0, Count).Select(i => new Subscriber
            {
                Email = EmailOf(i), Name = i == 0 ? FormulaName : $"Member {i}", Country = CountryOf(i), Status = StatusOf(i),
                CreatedAt = now.AddMinutes(-i), ConfirmedAt = StatusOf(i) == SubscriberStatus.Confirmed ? now : null,
                Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = now.AddMinutes(-i), Source = "/join" },
            }));
            await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class ExportTests(TenThousandSubscribersFactory factory) : IClassFixture<TenThousandSubscribersFactory>
{
    private sealed record Row(string Email, string Name, string Country, string Status, string ConsentVersion, string ConsentSource);

    private static List<Row> Parse(string csv, out IReadOnlyList<string> headers)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions());
        reader.ReadHeader();
        headers = reader.Headers.ToList();
        var rows = new List<Row>();
        while (reader.Read())
            rows.Add(new Row(reader.GetString("email"), reader.GetString("name"), reader.GetString("country"), reader.GetString("status"),
                reader.GetString("consent_version"), reader.GetString("consent_source")));
        return rows;
    }

    private async Task<(HttpResponseMessage Response, string Body)> ExportAsync(HttpClient editor, string query = "")
    {
        var response = await editor.GetAsync("/admin/subscribers/export" + query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_IsACsvAttachment_WithTheHeaderRow_AndEveryOneOfTenThousandRows_AndIsAudited()
    {
        var (editor, editorEmail) = await factory.EditorAsync();

        var (response, body) = await ExportAsync(editor);
        using var disposeResponse = response;
        var rows = Parse(body, out var headers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^""?subscribers-\d{4}-\d{2}-\d{2}\.csv""?$", disposition.FileName);
        Assert.Equal(["email", "name", "country", "status", "language", "created_at", "confirmed_at", "unsubscribed_at", "consent_version", "consent_given_at", "consent_source",
            "consent_attestation", "consent_attested_on", "bounce_count", "bouncing_since"], headers);
        Assert.Equal(TenThousandSubscribersFactory.Count, rows.Count);
        Assert.Equal(Enumerable.Range(0, TenThousandSubscribersFactory.Count).Select(TenThousandSubscribersFactory.EmailOf).Order(), rows.Select(r => r.Email).Order());
        var member = rows.Single(r => r.Email == TenThousandSubscribersFactory.EmailOf(4321));
        Assert.Equal(new Row("member04321@example.org", "Member 4321", "GB", "Confirmed", ConsentWording.Version, "/join"), member);
        var audit = (await factory.AuditAsync(AuditActions.SubscribersExported)).Last();
        Assert.Equal(editorEmail, audit.ActorName);
        Assert.Equal("status=all country=all language=all search=none", audit.Details);
    }

    [Fact]
    public async Task Export_AppliesTheListsFilters()
    {
        var (editor, _) = await factory.EditorAsync();
        var all = Enumerable.Range(0, TenThousandSubscribersFactory.Count);

        var (confirmed, confirmedBody) = await ExportAsync(editor, "?status=Confirmed");
        var (confirmedInPakistan, pkBody) = await ExportAsync(editor, "?status=Confirmed&country=PK");
        var (searched, searchedBody) = await ExportAsync(editor, "?q=member0012");
        using (confirmed) using (confirmedInPakistan) using (searched) { }

        Assert.Equal(all.Where(i => TenThousandSubscribersFactory.StatusOf(i) == SubscriberStatus.Confirmed).Select(TenThousandSubscribersFactory.EmailOf).Order(),
            Parse(confirmedBody, out _).Select(r => r.Email).Order());
        Assert.Equal(all.Where(i => TenThousandSubscribersFactory.StatusOf(i) == SubscriberStatus.Confirmed && TenThousandSubscribersFactory.CountryOf(i) == "PK")
                .Select(TenThousandSubscribersFactory.EmailOf).Order(),
            Parse(pkBody, out _).Select(r => r.Email).Order());
        Assert.Equal(Enumerable.Range(120, 10).Select(TenThousandSubscribersFactory.EmailOf), Parse(searchedBody, out _).Select(r => r.Email).Order());
        var audits = await factory.AuditAsync(AuditActions.SubscribersExported);
        Assert.Contains(audits, a => a.Details == "status=Confirmed country=PK language=all search=none");
        // A search is often someone's address: the log says there was one, not what it was.
        Assert.Contains(audits, a => a.Details == "status=all country=all language=all search=(not recorded)");
        Assert.DoesNotContain(audits, a => a.Details!.Contains("member0012", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_EscapesANameThatWouldBeASpreadsheetFormula()
    {
        var (editor, _) = await factory.EditorAsync();

        var (response, body) = await ExportAsync(editor, "?q=formula");
        using var disposeResponse = response;

        var row = Assert.Single(Parse(body, out _));
        Assert.Equal(TenThousandSubscribersFactory.FormulaEmail, row.Email);
        Assert.False(row.Name.StartsWith('='), $"The name is exported as a formula: {row.Name}");
        Assert.EndsWith(TenThousandSubscribersFactory.FormulaName, row.Name);
        Assert.DoesNotContain("\n=HYPERLINK", body);
        Assert.DoesNotContain(",=HYPERLINK", body);
        Assert.DoesNotContain(",\"=HYPERLINK", body);
    }
}
