using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>
/// Every page under /Admin is protected by where it lives (SiteServices' folder conventions), not by attributes.
/// The pages are found from the app's own endpoints, so a page added later is checked without changing this test.
/// </summary>
public class AdminAuthorizationTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private sealed record AdminPage(string ViewEnginePath, string Url)
    {
        public bool IsAdminOnly => SiteServices.AdminOnlyFolders.Any(folder =>
            ViewEnginePath.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{Url} ({ViewEnginePath})";
    }

    /// <summary>Every Razor page endpoint of the app whose page lives under /Admin, with its route values filled in.</summary>
    private List<AdminPage> AdminPages()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        return endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Page.ViewEnginePath.StartsWith("/Admin/", StringComparison.Ordinal))
            .Select(e => new AdminPage(e.Page!.ViewEnginePath, UrlOf(e.Endpoint.RoutePattern)))
            .DistinctBy(p => p.Url)
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static string UrlOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
            RoutePatternParameterPart { Name: "culture" } => "ar",
            RoutePatternParameterPart => "some-id",
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        })));
        return ("/" + string.Join('/', segments)).ToLowerInvariant();
    }

    [Fact]
    public void AdminPages_AreFoundFromTheAppsEndpoints()
    {
        var urls = AdminPages().Select(p => p.Url).ToList();

        Assert.NotEmpty(urls);
        Assert.Superset(
            new HashSet<string> { "/admin", "/admin/pages", "/admin/faq", "/admin/users", "/admin/audit", "/admin/settings" },
            urls.ToHashSet());
        Assert.Contains("/admin/pages/edit/1", urls);
        Assert.Contains("/admin/users/edit/some-id", urls);
        Assert.Contains("/admin/account/two-factor", urls);
    }

    [Fact]
    public async Task EveryAdminPage_SendsAnAnonymousVisitorToSignIn()
    {
        var client = factory.CreateNonRedirectingClient();
        var wrong = new List<string>();

        foreach (var page in AdminPages())
        {
            using var response = await client.GetAsync(page.Url);
            var location = response.Headers.Location;
            var expected = "/account/sign-in?returnUrl=" + Uri.EscapeDataString(page.Url);
            if (response.StatusCode != HttpStatusCode.Redirect || location is null || new Uri(new Uri("https://localhost"), location).PathAndQuery != expected)
                wrong.Add($"{page}: {(int)response.StatusCode} {location}");
        }

        Assert.True(wrong.Count == 0, "Not sent to sign-in:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task TheRedirectToSignIn_StaysOnThisSite_WhateverHostTheRequestNames()
    {
        var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/pages");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin%2Fpages", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EveryAdminPage_IsForbiddenToASignedInAccountWithoutARole()
    {
        var email = await factory.CreateUserAsync(role: null);
        var client = factory.CreateNonRedirectingClient();
        using (var signIn = await client.SubmitSignInAsync(email))
        {
            // The sign-in itself works; it is the admin pages that refuse.
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        }
        var wrong = new List<string>();

        foreach (var page in AdminPages())
        {
            using var response = await client.GetAsync(page.Url);
            var title = (await response.ReadDocumentAsync()).QuerySelector("h1")?.Text();
            if (response.StatusCode != HttpStatusCode.Forbidden || title != "Access denied")
                wrong.Add($"{page}: {(int)response.StatusCode} \"{title}\"");
        }

        Assert.True(wrong.Count == 0, "Not refused with the 403 page:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task AdminOnlyPages_AreForbiddenToEditors_AndTheOtherAdminPagesAreNot()
    {
        var client = await SignedInNonRedirectingClientAsync(Roles.Editor);
        var pages = AdminPages();
        Assert.Contains(pages, p => p.IsAdminOnly);
        Assert.Contains(pages, p => !p.IsAdminOnly);
        var wrong = new List<string>();

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page.Url);
            var forbidden = response.StatusCode == HttpStatusCode.Forbidden;
            if (page.IsAdminOnly != forbidden || IsSignInRedirect(response))
                wrong.Add($"{page}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(wrong.Count == 0, "Editor access differs from the folder conventions:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryAdminPage_IsOpenToAnAdmin()
    {
        var client = await SignedInNonRedirectingClientAsync(Roles.Admin);
        var wrong = new List<string>();

        foreach (var page in AdminPages())
        {
            using var response = await client.GetAsync(page.Url);
            // Some pages answer 404 for the made-up id, or redirect (the preview only takes a POST); none refuses.
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500 || IsSignInRedirect(response))
                wrong.Add($"{page}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(wrong.Count == 0, "Refused to an Admin:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("/admin", "Dashboard")]
    [InlineData("/admin/pages", "Pages")]
    [InlineData("/admin/faq", "FAQ")]
    [InlineData("/admin/account", "Your account")]
    public async Task Editor_OpensTheContentSections(string url, string heading)
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);

        var page = await client.GetDocumentAsync(url);

        Assert.Equal(heading, page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Editor_IsNotOfferedTheAdminOnlySections()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);

        var dashboard = await client.GetDocumentAsync("/admin");

        var links = dashboard.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains("/admin/pages", links);
        Assert.Contains("/admin/faq", links);
        Assert.Contains("/admin/updates", links);
        Assert.Contains("/admin/media", links);
        Assert.Contains("/admin/petitions", links);
        Assert.DoesNotContain("/admin/users", links);
        Assert.DoesNotContain("/admin/audit", links);
        Assert.DoesNotContain("/admin/settings", links);
    }

    [Fact]
    public async Task Admin_IsOfferedEverySection()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Admin);

        var dashboard = await client.GetDocumentAsync("/admin");

        var nav = dashboard.QuerySelectorAll("nav.admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin", "/admin/pages", "/admin/updates", "/admin/faq", "/admin/testimonials", "/admin/subscribers", "/admin/sends", "/admin/outbox", "/admin/petitions", "/admin/events", "/admin/relief", "/admin/media", "/admin/menus", "/admin/users", "/admin/audit", "/admin/settings", "/admin/backup"], nav);
    }

    [Fact]
    public async Task Editor_PostingAnAdminOnlyForm_IsForbidden_AndChangesNothing()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        // A valid token of this editor's, taken from a form the editor may open.
        var token = (await client.GetDocumentAsync("/admin/pages/create")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var settings = await client.PostAsync("/admin/settings", new FormUrlEncodedContent(Html.Values(("RequireAdminTwoFactor", "true"), ("__RequestVerificationToken", token))));
        using var account = await client.PostAsync("/admin/users/create", new FormUrlEncodedContent(Html.Values(
            ("Input.Email", "made-by-an-editor@example.org"), ("Input.Role", Roles.Admin), ("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, account.StatusCode);
        Assert.Null(await factory.FindUserAsync("made-by-an-editor@example.org"));
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.ActorName == email && e.Action != AuditActions.SignIn);
    }

    [Fact]
    public async Task AdminPages_AreNeverStoredInACache()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Admin);

        foreach (var url in new[] { "/admin", "/admin/pages", "/admin/pages/edit/1", "/admin/users", "/admin/audit" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} answered Cache-Control: {response.Headers.CacheControl}");
        }
    }

    private async Task<HttpClient> SignedInNonRedirectingClientAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var client = factory.CreateNonRedirectingClient();
        await client.SignInWithoutFollowingAsync(email);
        return client;
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase) == true;
}
