using Khilafat.Web.Accounts;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Testimonials;

/// <summary>
/// A testimonial shown on a page of another language: its words keep their own direction and face, and the caption
/// (page-language labels around a name and place in any script) reads in the page's direction without garbling.
/// </summary>
public class CaptionDirectionTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/ar/testimonials", "ar")]
    [InlineData("/ur/testimonials", "ur")]
    public async Task EnglishTestimonial_OnARightToLeftPage_ReadsLeftToRight_WithItsCaptionIsolatedAndAnArabicComma(string path, string culture)
    {
        var name = "Caption Sarah " + culture;
        await factory.AddAsync(name, TestimonialStatus.Approved, featured: true, place: "Leeds, UK");

        var page = await factory.CreateClient().GetDocumentAsync(path);
        var figure = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == name);

        Assert.Equal("en", figure.GetAttribute("lang"));
        Assert.Equal("ltr", figure.GetAttribute("dir"));
        var caption = figure.QuerySelector("figcaption")!;
        Assert.Equal(culture, caption.GetAttribute("lang"));
        Assert.Equal("rtl", caption.GetAttribute("dir"));
        Assert.Equal("BDI", figure.QuerySelector(".who")!.TagName);
        Assert.Equal("Leeds, UK", figure.QuerySelector("bdi.place")!.Text());
        Assert.Contains(name + "، Leeds, UK", caption.Text());
    }

    [Fact]
    public async Task UrduTestimonial_OnAnEnglishPage_IsMarkedUrdu_RightToLeft_WithALatinComma()
    {
        await factory.AddAsync("کیپشن عائشہ", TestimonialStatus.Approved, featured: true, place: "لاہور", language: "ur",
            text: "اس تحریک نے مجھے سکھایا کہ ہمدردی طاقت کی ایک شکل ہے۔");

        var page = await factory.CreateClient().GetDocumentAsync("/testimonials");
        var figure = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == "کیپشن عائشہ");

        Assert.Equal("ur", figure.GetAttribute("lang"));
        Assert.Equal("rtl", figure.GetAttribute("dir"));
        Assert.Equal("ur", figure.QuerySelector(".who")!.GetAttribute("lang"));
        Assert.Equal("ur", figure.QuerySelector(".place")!.GetAttribute("lang"));
        var caption = figure.QuerySelector("figcaption")!;
        Assert.Equal(("en", "ltr"), (caption.GetAttribute("lang"), caption.GetAttribute("dir")));
        Assert.Contains("کیپشن عائشہ, لاہور", caption.Text());
    }

    [Fact]
    public async Task UrduTestimonial_InTheAdmin_IsMarkedUrdu_SoItsFaceApplies()
    {
        var id = await factory.AddAsync("ایڈمن عائشہ", TestimonialStatus.Pending, place: "کراچی", language: "ur",
            text: "اس تحریک نے مجھے سکھایا کہ صبر بھی ایک طاقت ہے۔");
        var editor = (await factory.SignedInClientAsync(Roles.Editor)).Client;

        var queue = await editor.GetDocumentAsync("/admin/testimonials");
        var row = queue.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector($"input[value='{id}']") is not null);
        Assert.Equal("ur", row.QuerySelector(".testimonial-text")!.GetAttribute("lang"));
        Assert.Equal(["ur", "ur"], row.QuerySelectorAll("bdi").Select(b => b.GetAttribute("lang")));

        var edit = await editor.GetDocumentAsync($"/admin/testimonials/edit/{id}");
        Assert.Equal("ur", edit.QuerySelector("textarea[name=Text]")!.GetAttribute("lang"));
        Assert.Equal("ur", edit.QuerySelector("blockquote.testimonial-original")!.GetAttribute("lang"));
    }
}
