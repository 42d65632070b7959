using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Testimonials;

public class ModerationTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private async Task<HttpClient> EditorAsync() => (await factory.SignedInClientAsync(Roles.Editor)).Client;

    private Task<HttpResponseMessage> RowActionAsync(HttpClient editor, TestimonialStatus listed, string action, int id) =>
        editor.SubmitFormAsync($"/admin/testimonials?status={listed}", submitter: $"button[name=row][value='{action}:{id}']");

    private Task<TestimonialStatus> StatusOfAsync(int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());

    [Fact]
    public async Task Queue_ShowsPendingByDefault_WithCountsPerStatus()
    {
        await factory.AddAsync("Queue Pending", TestimonialStatus.Pending);
        await factory.AddAsync("Queue Spam", TestimonialStatus.Spam);
        var editor = await EditorAsync();

        var queue = await editor.GetDocumentAsync("/admin/testimonials");

        Assert.Contains("Queue Pending", queue.QuerySelector("main table")!.Text());
        Assert.DoesNotContain("Queue Spam", queue.QuerySelector("main table")!.Text());
        var tabs = queue.QuerySelectorAll(".tabs a").Select(a => a.Text()).ToList();
        Assert.Contains(tabs, t => t.StartsWith("Pending (", StringComparison.Ordinal));
        Assert.Contains(tabs, t => t.StartsWith("Spam (", StringComparison.Ordinal));
        Assert.Equal("page", queue.QuerySelector(".tabs a[href$='status=Pending']")!.GetAttribute("aria-current"));
        var dashboard = await editor.GetDocumentAsync("/admin");
        Assert.Contains("testimonials awaiting review", dashboard.QuerySelector(".stats")!.Text());
    }

    [Fact]
    public async Task Approve_ShowsItOnTheList_AndFeature_PutsItOnTheHomePage()
    {
        var id = await factory.AddAsync("Approve Me", TestimonialStatus.Pending);
        var editor = await EditorAsync();
        var visitor = factory.CreateClient();
        Assert.DoesNotContain("Approve Me", await visitor.GetStringAsync("/testimonials"));

        using var approved = await RowActionAsync(editor, TestimonialStatus.Pending, "Approve", id);
        Assert.Contains("Approved and published: 1 testimonial", (await approved.ReadDocumentAsync()).QuerySelector(".status")!.Text());
        Assert.Contains("Approve Me", await visitor.GetStringAsync("/testimonials"));
        Assert.DoesNotContain("Approve Me", await visitor.GetStringAsync("/"));

        using var featured = await RowActionAsync(editor, TestimonialStatus.Approved, "Feature", id);
        Assert.Contains("Approve Me", await visitor.GetStringAsync("/"));

        using var unfeatured = await RowActionAsync(editor, TestimonialStatus.Approved, "Unfeature", id);
        Assert.DoesNotContain("Approve Me", await visitor.GetStringAsync("/"));
    }

    [Fact]
    public async Task ADecisionFromAListShownBeforeAnotherEditorsDecision_LeavesTheirsStanding_AndSaysSo()
    {
        var id = await factory.AddAsync("Decided Twice", TestimonialStatus.Pending);
        var first = await EditorAsync();
        var second = await EditorAsync();
        var secondsList = await second.GetDocumentAsync("/admin/testimonials?status=Pending");

        using (await RowActionAsync(first, TestimonialStatus.Pending, "Approve", id)) { }
        using var stale = await second.SubmitAsync(secondsList.Form(), "/admin/testimonials?status=Pending", submitter: $"button[name=row][value='Reject:{id}']");

        Assert.Contains("Rejected: 0 testimonials. 1 was decided by someone else after this list was shown, and is left as they decided.",
            (await stale.ReadDocumentAsync()).QuerySelector(".status")!.Text());
        Assert.Equal(TestimonialStatus.Approved, await StatusOfAsync(id));
        Assert.Contains("Decided Twice", await factory.CreateClient().GetStringAsync("/testimonials"));
    }

    [Fact]
    public async Task RejectAndSpam_TakeAnApprovedTestimonialOffTheSite()
    {
        var rejected = await factory.AddAsync("Reject Me Later", TestimonialStatus.Approved, featured: true);
        var spammed = await factory.AddAsync("Spam Me Later", TestimonialStatus.Approved);
        var editor = await EditorAsync();
        var visitor = factory.CreateClient();
        Assert.Contains("Reject Me Later", await visitor.GetStringAsync("/testimonials"));

        await RowActionAsync(editor, TestimonialStatus.Approved, "Reject", rejected);
        await RowActionAsync(editor, TestimonialStatus.Approved, "MarkSpam", spammed);

        var list = await visitor.GetStringAsync("/testimonials");
        Assert.DoesNotContain("Reject Me Later", list);
        Assert.DoesNotContain("Spam Me Later", list);
        Assert.Equal(TestimonialStatus.Rejected, await StatusOfAsync(rejected));
        Assert.Equal(TestimonialStatus.Spam, await StatusOfAsync(spammed));
    }

    [Fact]
    public async Task BulkApprove_ApprovesEveryTickedTestimonial_AndNoOther()
    {
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await factory.AddAsync($"Bulk {i}", TestimonialStatus.Pending));
        var untouched = await factory.AddAsync("Bulk Untouched", TestimonialStatus.Pending);
        var editor = await EditorAsync();

        using var response = await editor.SubmitFormAsync("/admin/testimonials?status=Pending",
            ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString())), submitter: "button[name=do][value=Approve]");

        Assert.Contains("Approved and published: 3 testimonials", (await response.ReadDocumentAsync()).QuerySelector(".status")!.Text());
        foreach (var id in ids) Assert.Equal(TestimonialStatus.Approved, await StatusOfAsync(id));
        Assert.Equal(TestimonialStatus.Pending, await StatusOfAsync(untouched));
        var list = await factory.CreateClient().GetStringAsync("/testimonials");
        Assert.Contains("Bulk 0", list);
        Assert.Contains("Bulk 2", list);
    }

    [Fact]
    public async Task Delete_AsksFirst_AndOnlyItsPostDeletes()
    {
        var id = await factory.AddAsync("Delete Me", TestimonialStatus.Pending);
        var editor = await EditorAsync();

        var confirmation = await editor.GetDocumentAsync($"/admin/testimonials/delete?ids={id}");
        Assert.Contains("Delete Me", confirmation.QuerySelector("main")!.Text());
        Assert.Equal(TestimonialStatus.Pending, await StatusOfAsync(id));

        using var deleted = await editor.SubmitAsync(confirmation.Form(), $"/admin/testimonials/delete?ids={id}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.SingleOrDefaultAsync(t => t.Id == id)));
    }

    [Fact]
    public async Task EditingAnApprovedText_ShowsTheCorrection_AndKeepsTheOriginal()
    {
        var id = await factory.AddAsync("Typo Person", TestimonialStatus.Approved, text: "The movment gave me hope and a sense of purpose.");
        var editor = await EditorAsync();

        using var saved = await editor.SubmitFormAsync($"/admin/testimonials/edit/{id}", Html.Values(("Text", "The movement gave me hope and a sense of purpose.")));

        var list = await factory.CreateClient().GetStringAsync("/testimonials");
        Assert.Contains("The movement gave me hope", list);
        Assert.DoesNotContain("The movment gave me hope", list);
        var editPage = await editor.GetDocumentAsync($"/admin/testimonials/edit/{id}");
        Assert.Equal("The movment gave me hope and a sense of purpose.", editPage.QuerySelector(".testimonial-original")!.Text());
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal("The movment gave me hope and a sense of purpose.", stored.OriginalText);
    }

    [Fact]
    public async Task ACorrectionFromAFormOpenedBeforeAnothers_IsRefused_ShowingTheirs_AndKeepingWhatWasTyped()
    {
        var id = await factory.AddAsync("Two Editors", TestimonialStatus.Approved, text: "The movment gave me hope and a sense of purpose.");
        var first = await EditorAsync();
        var second = await EditorAsync();
        var opened = await first.GetDocumentAsync($"/admin/testimonials/edit/{id}");
        using (await second.SubmitFormAsync($"/admin/testimonials/edit/{id}", Html.Values(("Text", "The movement gave me hope and a sense of purpose.")))) { }

        const string mine = "The movement gave me hope, and a sense of purpose.";
        using var stale = await first.SubmitAsync(opened.Form(), $"/admin/testimonials/edit/{id}", Html.Values(("Text", mine)));

        var page = await stale.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Another editor corrected this text", page.FieldError("Text"));
        Assert.Equal(mine, page.QuerySelector("textarea#Text")!.TextContent.Trim());
        Assert.Equal("The movement gave me hope and a sense of purpose.", page.QuerySelector(".testimonial-current")!.Text());
        Assert.Equal("The movement gave me hope and a sense of purpose.", (await StoredAsync(id)).EditedText);

        // Saving again from that page replaces theirs knowingly.
        using (await first.SubmitAsync(page.Form(), $"/admin/testimonials/edit/{id}")) { }
        Assert.Equal(mine, (await StoredAsync(id)).EditedText);
    }

    private Task<Testimonial> StoredAsync(int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task EditingWithATooShortText_IsRefusedBesideTheField()
    {
        var id = await factory.AddAsync("Short Edit", TestimonialStatus.Approved);
        var editor = await EditorAsync();

        using var response = await editor.SubmitFormAsync($"/admin/testimonials/edit/{id}", Html.Values(("Text", "Too short.")));

        Assert.Equal("The text must be 20 to 2000 characters.", (await response.ReadDocumentAsync()).FieldError("Text"));
        Assert.Contains("Words from Short Edit", await factory.CreateClient().GetStringAsync("/testimonials"));
    }

    [Fact]
    public async Task EveryModerationAction_IsAudited()
    {
        var id = await factory.AddAsync("Audited Person", TestimonialStatus.Pending);
        var editor = await EditorAsync();

        await RowActionAsync(editor, TestimonialStatus.Pending, "Approve", id);
        await RowActionAsync(editor, TestimonialStatus.Approved, "Feature", id);
        await RowActionAsync(editor, TestimonialStatus.Approved, "Reject", id);

        var actions = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries
            .Where(e => e.Target == $"testimonial:#{id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["testimonial.approved", "testimonial.featured", "testimonial.rejected"], actions);
    }

    [Theory]
    [InlineData("do", "7")]
    [InlineData("do", "-1")]
    [InlineData("do", "Approve, Delete")]
    [InlineData("row", "9:{id}")]
    [InlineData("row", "5 :{id}")]
    public async Task AnUndefinedAction_IsRefused_AndNothingIsDoneOrAudited(string field, string value)
    {
        var id = await factory.AddAsync("Undefined Action " + field + value.GetHashCode(), TestimonialStatus.Pending);
        var editor = await EditorAsync();
        var fields = new List<KeyValuePair<string, string>> { new("ids", id.ToString()), new(field, value.Replace("{id}", id.ToString())) };

        using var response = await editor.SubmitFormAsync("/admin/testimonials?status=Pending", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", (await response.ReadDocumentAsync()).QuerySelector("h1")?.Text());
        Assert.Equal(TestimonialStatus.Pending, await StatusOfAsync(id));
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Target == $"testimonial:#{id}");
    }

    [Theory]
    [InlineData("/admin/testimonials?status=9")]
    [InlineData("/admin/subscribers?status=7")]
    [InlineData("/admin/outbox?status=5")]
    public async Task AnUndefinedStatusInTheAddress_IsRefused(string url)
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn_AndAccountsWithoutARole_AreRefused()
    {
        using var anonymous = await factory.CreateNonRedirectingClient().GetAsync("/admin/testimonials");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(factory.ClientOptions.BaseAddress, anonymous.Headers.Location!).AbsolutePath);

        var email = await factory.CreateUserAsync(role: null);
        var noRole = factory.CreateClient();
        using var signIn = await noRole.SubmitFormAsync("/account/sign-in", Html.Values(("Input.Email", email), ("Input.Password", TestAccounts.Password)));
        using var refused = await noRole.GetAsync("/admin/testimonials");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var post = await noRole.PostAsync("/admin/testimonials", new FormUrlEncodedContent([new("do", "Approve")]));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{post.StatusCode}");
    }
}
