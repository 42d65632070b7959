using AngleSharp.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;
using Microsoft.Extensions.DependencyInjection;
using CsvHelper;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// The audit's attacks that held, kept as data so that a later change cannot quietly undo them: hostile Markdown,
/// hostile names and places, and spreadsheet formulas in the CSV export. (The CSRF sweep, the authorization sweep,
/// returnUrl variants and hostile testimonial text have their own data-driven tests: AntiforgerySweepTests,
/// AdminAuthorizationTests, SignInTests, XssTests.)
/// </summary>
public class AttackCorpusTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> MarkdownCorpus => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg/onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "![x](javascript:alert(1))",
        "![x](x \"onerror=alert(1)\")",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "[x](https://example.org \"\\\"onmouseover=alert(1)\")",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "> <img src=x onerror=alert(1)>",
        "* <a href=javascript:alert(1)>x</a>",
        "<!-- --><script>alert(1)</script><!-- -->",
        "<div style=\"position:fixed;inset:0\" onclick=alert(1)>cover</div>",
        "<form action=\"https://evil.example\"><input name=q></form>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    };

    [Theory]
    [MemberData(nameof(MarkdownCorpus))]
    public void HostileMarkdown_RendersNothingThatRunsOrLeaves(string markdown)
    {
        var html = factory.Services.GetRequiredService<MarkdownRenderer>().ToHtml(markdown);
        var body = Html.Parse($"<main>{html}</main>").QuerySelector("main")!;

        Assert.Empty(body.QuerySelectorAll("script, iframe, object, embed, style, svg, math, form, input, base, meta, link, img[onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style"));
        Assert.DoesNotContain(body.QuerySelectorAll("[href], [src]"), e => IsDangerous(e.GetAttribute("href") ?? e.GetAttribute("src")!));
    }

    private static bool IsDangerous(string url)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal) || compact.StartsWith("data:", StringComparison.Ordinal);
    }

    public static TheoryData<string> FieldCorpus => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "</strong><iframe src=//evil.example>",
        "{{constructor.constructor('alert(1)')()}}",
        "@(1+1) @Html.Raw(\"<b>\")",
    };

    [Theory]
    [MemberData(nameof(FieldCorpus))]
    public async Task HostileNamesAndPlaces_ShowAsText_OnThePublicPageAndInTheAdmin(string payload)
    {
        var name = payload + " " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.AddAsync(name, TestimonialStatus.Approved);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            (await db.Testimonials.FindAsync(id))!.Place = payload;
            await db.SaveChangesAsync();
        });
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        foreach (var (client, url) in new[] { (factory.CreateClient(), "/testimonials"), (editor, "/admin/testimonials?status=Approved") })
        {
            var page = await client.GetDocumentAsync(url);
            var main = page.QuerySelector("main")!;
            Assert.Contains(name, main.TextContent);
            Assert.Empty(main.QuerySelectorAll("script, iframe, svg"));
            Assert.DoesNotContain(main.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
    }

    public static TheoryData<string> FormulaPrefixes => new() { "=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0" };

    [Theory]
    [MemberData(nameof(FormulaPrefixes))]
    public async Task TheCsvExport_NeverStartsACellWithAFormula(string prefix)
    {
        var email = $"formula-{Guid.NewGuid().ToString("N")[..10]}@example.org";
        var name = prefix + "HYPERLINK(\"http://evil.example/\",\"Click\")";
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            db.Subscribers.Add(new Subscriber
            {
                Email = email, Name = name, Status = SubscriberStatus.Confirmed, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
                Consent = new Consent { Version = "v1", Text = "Consent", GivenAt = factory.Clock.GetUtcNow().UtcDateTime, Source = prefix + "SUM(1,1)" },
            });
            await db.SaveChangesAsync();
        });
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var csv = await editor.GetStringAsync("/admin/subscribers/export?q=" + Uri.EscapeDataString(email));

        using var reader = CsvReader.FromText(csv, new CsvReaderOptions());
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        var cells = new List<string>();
        while (reader.Read()) cells.AddRange(headers.Select(h => reader.GetString(h)));
        Assert.Contains(cells, c => c.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }
}
