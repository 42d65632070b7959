using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// Every POST the site answers, found from its own endpoints (so a new form cannot slip through), refuses a request
/// without its anti-forgery token, except the RFC 8058 one-click unsubscribe, whose signed URL is its proof, and the
/// handlers that only fill in their page's form from what was posted ([FillsInTheForm]: the join box of cached pages).
/// </summary>
public class AntiforgerySweepTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public sealed record PostTarget(string Url, string Description, bool FillsInTheForm = false);

    private async Task<IReadOnlyList<PostTarget>> PostTargetsAsync()
    {
        var endpoints = await RoutedEndpoints.ListAsync(factory.Services);
        var targets = new List<PostTarget>();
        foreach (var endpoint in endpoints)
        {
            var url = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "slug" } => "statement",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "culture" } => "ar",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content == "int") ? "1" : "x",
                _ => "",
            })))).ToLowerInvariant();
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                    targets.Add(new PostTarget(handler.Name is null ? url : $"{url}?handler={handler.Name}", $"{page.ViewEnginePath} {handler.Name ?? "(default)"}",
                        handler.MethodInfo.IsDefined(typeof(Khilafat.Web.Pages.Shared.FillsInTheFormAttribute), false)));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            {
                targets.Add(new PostTarget(url, endpoint.DisplayName ?? url));
            }
        }
        return targets.DistinctBy(t => t.Url).ToList();
    }

    [Fact]
    public async Task EveryPostHandler_RefusesARequestWithoutItsToken_ExceptOneClickUnsubscribe()
    {
        var targets = await PostTargetsAsync();
        Assert.Contains(targets, t => t.Url == "/join");
        Assert.Contains(targets, t => t.Url == "/testimonials/share");
        Assert.Contains(targets, t => t.Url == "/account/sign-in");
        Assert.Contains(targets, t => t.Url.StartsWith("/admin/pages/edit/1?handler=", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.Url == OneClickUnsubscribe.Path);
        Assert.True(targets.Count > 25, $"only {targets.Count} POST handlers found");

        // Signed in as an Admin, so authorization lets every admin POST through to the anti-forgery check.
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var accepted = new List<string>();
        foreach (var target in targets.Where(t => t.Url != OneClickUnsubscribe.Path && !t.FillsInTheForm))
        {
            using var response = await admin.PostAsync(target.Url, new FormUrlEncodedContent([new("probe", "1")]));
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{target.Description} ({target.Url}): {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "POST handlers that did not refuse a request without a token:\n" + string.Join("\n", accepted));
    }

    [Fact]
    public async Task TheOnlyHandlersThatFillInAFormWithoutAToken_AreTheJoinBoxs_AndTheyAnswerWithTheFormAndItsToken()
    {
        var fillers = (await PostTargetsAsync()).Where(t => t.FillsInTheForm).Select(t => t.Url).ToList();
        Assert.Contains("/join?handler=Continue", fillers);
        Assert.All(fillers, url => Assert.Matches("^(/ar|/ur)?/join(/index)?\\?handler=Continue$", url));

        using var response = await factory.CreateClient().PostAsync("/join?handler=Continue", new FormUrlEncodedContent([new("email", "probe@example.org")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = (await response.ReadDocumentAsync()).Form("main form");
        Assert.Equal("/join", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(await factory.SubscriberAsync("probe@example.org"));
    }

    [Fact]
    public async Task OneClickUnsubscribe_IsTheOnePostWithoutAToken_AndStillNeedsItsSignedLink()
    {
        using var response = await factory.CreateClient().PostAsync(OneClickUnsubscribe.Path + "?token=forged",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
