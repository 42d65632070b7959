using Khilafat.Web.Accounts;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Testimonials;

/// <summary>Hostile text submitted as a testimonial shows as inert, escaped text once approved.</summary>
public class XssTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Corpus => new()
    {
        "<script>alert('xss')</script> these words are long enough",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT> and more words here",
        "<img src=x onerror=alert(1)> an image that is not one at all",
        "<svg/onload=alert(1)> a drawing that should not draw anything",
        "<a href=\"javascript:alert(1)\">click me</a> please click here now",
        "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a> scheme in a link",
        "&lt;script&gt;alert(1)&lt;/script&gt; already encoded entities",
        "&#60;script&#62;alert(1)&#60;/script&#62; numeric entity encoding",
        "\"><script>alert(1)</script> breaking out of an attribute value",
        "<iframe src=\"https://evil.example\"></iframe> a frame within a frame",
        "<div style=\"background:url(javascript:alert(1))\">styled words</div>",
        "Text with a right-to-left override \u202Egnirts desrever\u202C inside it",
        "Isolates \u2067hidden direction\u2069 and embeddings \u202Bhere\u202C too",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HostileText_ShowsInertAndEscaped_AfterApproval(string payload)
    {
        var name = "Xss " + Guid.NewGuid().ToString("N")[..8];
        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid(name, payload));
        var stored = await factory.FindAsync(name);
        Assert.NotNull(stored);
        Assert.Equal(payload, stored!.OriginalText);

        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        using var approved = await editor.SubmitFormAsync($"/admin/testimonials?status={stored.Status}", submitter: $"button[name=row][value='Approve:{stored.Id}']");
        Assert.Equal(TestimonialStatus.Approved, (await factory.FindAsync(name))!.Status);

        var html = await factory.CreateClient().GetStringAsync("/testimonials");
        var page = Html.Parse(html);
        var figure = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == name);
        var quote = figure.QuerySelector("blockquote")!;

        Assert.Empty(quote.Children);
        Assert.Empty(page.QuerySelectorAll("main script, main iframe, main img, main svg, main object"));
        Assert.DoesNotContain(page.QuerySelectorAll("main *"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        var expected = new string(payload.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')).ToArray());
        Assert.Equal(expected, quote.TextContent);
        Assert.Equal("auto", quote.GetAttribute("dir"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain('\u202E', html);
    }
}
