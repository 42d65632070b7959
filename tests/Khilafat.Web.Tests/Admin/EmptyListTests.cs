using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Admin;

/// <summary>Every admin list that can be empty says so (and what fills it), instead of showing a table of headings alone.</summary>
public class EmptyListTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    [Theory]
    [InlineData("/admin/subscribers", "No subscribers yet.")]
    [InlineData("/admin/subscribers?q=nobody-by-this-name", "No subscribers match.")]
    [InlineData("/admin/outbox", "No failed messages")]
    [InlineData("/admin/outbox?status=Failed", "No failed messages")]
    [InlineData("/admin/outbox?status=Sent", "No sent messages.")]
    [InlineData("/admin/testimonials?status=Pending", "No pending testimonials.")]
    [InlineData("/admin/testimonials?status=Spam", "No spam testimonials.")]
    [InlineData("/admin/petitions", "No petitions yet.")]
    [InlineData("/admin/events", "No events yet.")]
    [InlineData("/admin/relief", "No organisations yet")]
    [InlineData("/admin/media", "No images yet.")]
    [InlineData("/admin/sends", "No update has been sent yet.")]
    [InlineData("/admin/audit?action=NoSuchAction", "No audit entries match.")]
    public async Task AnEmptyList_SaysSo_WithoutAnEmptyTable(string path, string message)
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync(path);

        var empty = page.QuerySelector("main .empty-state");
        Assert.True(empty is not null, $"{path} shows no empty state.");
        Assert.Contains(message, empty!.Text());
        Assert.Null(page.QuerySelector("main table"));
    }
}
