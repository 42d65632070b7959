using System.Globalization;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>/admin/audit: who did what, newest first, filtered by account and action, 50 to a page.</summary>
public class AuditLogTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private sealed record Row(string When, string Who, string Action, string On, string Details);

    [Fact]
    public async Task TheLog_ListsEntriesNewestFirst()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { "one", "two", "three" })
        {
            using var created = await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", $"Order {tag} {n}"), ("Input.Answer", "x")));
        }

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit"));

        var mine = rows.Where(r => r.On.StartsWith($"faq:order-{tag}", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"faq:order-{tag}-three", $"faq:order-{tag}-two", $"faq:order-{tag}-one"], mine.Select(r => r.On));
        Assert.All(mine, r => Assert.Equal((editorEmail, AuditActions.FaqCreated), (r.Who, r.Action)));
        // Everything after the editor's last entry is older, in the table's order too.
        var stored = (await factory.AuditEntriesAsync()).OrderByDescending(e => e.Id).Take(rows.Count).ToList();
        Assert.Equal(stored.Select(e => (e.ActorName, e.Action, e.Target ?? "")), rows.Select(r => (r.Who, r.Action, r.On)));
        Assert.Equal(stored[0].At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), rows[0].When);
    }

    [Fact]
    public async Task TheLog_FiltersByAccount()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        using (await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", "By account " + Guid.NewGuid().ToString("N")), ("Input.Answer", "x"))))
        {
        }

        var page = await admin.GetDocumentAsync("/admin/audit?account=" + Uri.EscapeDataString(editorEmail));

        var rows = Rows(page);
        Assert.Equal([AuditActions.FaqCreated, AuditActions.SignIn], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(editorEmail, r.Who));
        Assert.Contains("2 entries.", page.QuerySelector("main")!.Text());
        // The filter shows what it filters by.
        Assert.Equal(editorEmail, page.QuerySelector("select[name=account] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheLog_FiltersByAction_AndByAccountAndActionTogether()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        await editor.SignOutAsync();

        var byAction = Rows(await admin.GetDocumentAsync("/admin/audit?action=" + AuditActions.SignIn));
        var both = await admin.GetDocumentAsync($"/admin/audit?account={Uri.EscapeDataString(editorEmail)}&action={AuditActions.SignOut}");

        Assert.NotEmpty(byAction);
        Assert.All(byAction, r => Assert.Equal(AuditActions.SignIn, r.Action));
        Assert.Contains(byAction, r => r.Who == adminEmail);
        Assert.Contains(byAction, r => r.Who == editorEmail);
        var signedOut = Assert.Single(Rows(both));
        Assert.Equal((editorEmail, AuditActions.SignOut), (signedOut.Who, signedOut.Action));
        Assert.Equal(AuditActions.SignOut, both.QuerySelector("select[name=action] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheLog_ShowsFiftyEntriesAPage()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var actor = new Actor(Guid.NewGuid().ToString(), $"busy-{Guid.NewGuid():N}@example.org");
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var clock = sp.GetRequiredService<TimeProvider>();
            for (var i = 1; i <= 60; i++) db.Audit(clock, actor, AuditActions.FaqEdited, "faq:busy", $"edit {i}");
            await db.SaveChangesAsync();
        });
        var url = "/admin/audit?account=" + Uri.EscapeDataString(actor.Name);

        var first = await admin.GetDocumentAsync(url);

        Assert.Contains("60 entries.", first.QuerySelector("main")!.Text());
        var firstRows = Rows(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => $"edit {i}"), firstRows.Select(r => r.Details));
        Assert.Contains("Page 1 of 2", first.QuerySelector("nav .pager")!.Text());
        Assert.Null(first.QuerySelector("nav .pager a[rel=prev]"));
        var next = first.QuerySelector("nav .pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal(("/admin/audit", actor.Name, "2"), Link(next));

        var second = await admin.GetDocumentAsync(next);

        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"edit {i}"), Rows(second).Select(r => r.Details));
        Assert.Contains("Page 2 of 2", second.QuerySelector("nav .pager")!.Text());
        Assert.Null(second.QuerySelector("nav .pager a[rel=next]"));
        Assert.Equal(("/admin/audit", actor.Name, ""), Link(second.QuerySelector("nav .pager a[rel=prev]")!.GetAttribute("href")!));
        // A page past the end shows the last one.
        Assert.Equal(10, Rows(await admin.GetDocumentAsync(url + "&page=9")).Count);
    }

    [Fact]
    public async Task PageChanges_AreAllInTheLog()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = "audited-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", "Audited"), ("Input.Slug", slug), ("Input.Body", "First.")), submitter: "button[formaction*='handler=Draft']");
        var edit = created.RequestMessage!.RequestUri!.AbsolutePath;
        var id = AdminSite.IdFrom(edit);
        using (await editor.SubmitFormAsync(edit, Html.Values(("Input.Body", "Second.")), submitter: "button[formaction*='handler=Save']")) { }
        using (await editor.SubmitFormAsync(edit, submitter: "button[formaction*='handler=Publish']")) { }
        using (await editor.SubmitFormAsync(edit, submitter: "button[formaction*='handler=Unpublish']")) { }
        var history = await editor.GetDocumentAsync($"/admin/pages/history/{id}");
        var restore = history.QuerySelectorAll("form[action*='handler=Restore']").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=number]")!.GetAttribute("value") == "1");
        using (await editor.SubmitAsync(restore, $"/admin/pages/history/{id}")) { }

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit?account=" + Uri.EscapeDataString(editorEmail)))
            .Where(r => r.On == "page:" + slug).ToList();

        Assert.Equal(
            [AuditActions.PageRestored, AuditActions.PageUnpublished, AuditActions.PagePublished, AuditActions.PageEdited, AuditActions.PageCreated],
            rows.Select(r => r.Action));
        Assert.Equal("revision 1", rows[0].Details);
    }

    [Fact]
    public async Task FaqChanges_AreAllInTheLog()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Audited question " + Guid.NewGuid().ToString("N")[..8];
        using (await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", question), ("Input.Answer", "x")))) { }
        var anchor = Slugs.FromText(question);
        var id = (await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SiteDbContext>().FaqEntries.Single(f => f.Anchor == anchor)))).Id;
        using (await editor.SubmitFormAsync($"/admin/faq/edit/{id}", Html.Values(("Input.Answer", "y")))) { }
        using (await editor.SubmitFormAsync("/admin/faq", formSelector: $"form[action='/admin/faq?id={id}&handler=Unpublish']")) { }
        using (await editor.SubmitFormAsync("/admin/faq", formSelector: $"form[action='/admin/faq?id={id}&handler=Publish']")) { }
        var list = await editor.GetDocumentAsync("/admin/faq");
        var up = list.QuerySelectorAll($"form[action='/admin/faq?id={id}&handler=Move']").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=direction][value=up]") is not null);
        using (await editor.SubmitAsync(up, "/admin/faq")) { }
        using (await editor.SubmitFormAsync($"/admin/faq/delete/{id}")) { }

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit?account=" + Uri.EscapeDataString(editorEmail)))
            .Where(r => r.On == "faq:" + anchor).ToList();

        Assert.Equal(
            [AuditActions.FaqDeleted, AuditActions.FaqMoved, AuditActions.FaqPublished, AuditActions.FaqUnpublished, AuditActions.FaqEdited, AuditActions.FaqCreated],
            rows.Select(r => r.Action));
    }

    [Fact]
    public async Task AccountChanges_ShowWhoDidThem()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var email = $"audited-account-{Guid.NewGuid():N}@example.org";
        using (await admin.SubmitFormAsync("/admin/users/create", Html.Values(("Input.Email", email), ("Input.Role", Roles.Editor)))) { }

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit?action=" + AuditActions.AccountCreated));

        var row = Assert.Single(rows, r => r.On == "user:" + email);
        Assert.Equal((adminEmail, "role Editor"), (row.Who, row.Details));
        // The filter offers the accounts that appear in the log, and the actions.
        var page = await admin.GetDocumentAsync("/admin/audit");
        Assert.Contains(adminEmail, page.QuerySelectorAll("select[name=account] option").Select(o => o.GetAttribute("value")));
        Assert.Contains(AuditActions.AccountCreated, page.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")));
    }

    /// <summary>A pager link's path, ?account= and ?page= (empty when absent).</summary>
    private static (string Path, string Account, string Page) Link(string href)
    {
        var uri = new Uri(new Uri("https://localhost"), href);
        var query = QueryHelpers.ParseQuery(uri.Query);
        return (uri.AbsolutePath, query.GetValueOrDefault("account").ToString(), query.GetValueOrDefault("page").ToString());
    }

    private static List<Row> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("main table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList())
            .Select(c => new Row(c[0], c[1], c[2], c[3], c[4]))
            .ToList();
}
