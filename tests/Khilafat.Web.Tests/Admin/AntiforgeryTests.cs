using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>An admin form posted without its anti-forgery token (as another site would post it) is refused and changes nothing.</summary>
public class AntiforgeryTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    [Fact]
    public async Task PageCreate_WithoutTheToken_Is400_AndSavesNothing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = "forged-" + Guid.NewGuid().ToString("N")[..10];
        var form = (await editor.GetDocumentAsync("/admin/pages/create")).Form();
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));

        using var response = await editor.PostAsync("/admin/pages/create?handler=Publish", new FormUrlEncodedContent(Html.Values(
            ("Input.Title", "Forged"), ("Input.Slug", slug), ("Input.Summary", ""), ("Input.Body", "Forged text."), ("Input.Version", "0"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.AnyAsync(p => p.Slug == slug)));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/" + slug)).StatusCode);
    }

    [Fact]
    public async Task PageCreate_WithAnotherAccountsToken_Is400_AndSavesNothing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (other, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = "foreign-token-" + Guid.NewGuid().ToString("N")[..10];
        var othersToken = (await other.GetDocumentAsync("/admin/pages/create")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await editor.GetDocumentAsync("/admin/pages/create");

        using var response = await editor.PostAsync("/admin/pages/create?handler=Draft", new FormUrlEncodedContent(Html.Values(
            ("Input.Title", "Forged"), ("Input.Slug", slug), ("Input.Body", "x"), ("__RequestVerificationToken", othersToken))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task FaqDelete_WithoutTheToken_Is400_AndDeletesNothing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().FaqEntries.Select(f => f.Id).FirstAsync());
        await editor.GetDocumentAsync($"/admin/faq/delete/{id}");

        using var response = await editor.PostAsync($"/admin/faq/delete/{id}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().FaqEntries.AnyAsync(f => f.Id == id)));
    }

    [Fact]
    public async Task AccountCreate_WithoutTheToken_Is400_AndCreatesNoAccount()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var email = $"forged-{Guid.NewGuid():N}@example.org";
        await admin.GetDocumentAsync("/admin/users/create");

        using var response = await admin.PostAsync("/admin/users/create", new FormUrlEncodedContent(Html.Values(("Input.Email", email), ("Input.Role", Roles.Admin))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.FindUserAsync(email));
    }
}
