using System.Net;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;

namespace Khilafat.Web.Tests.Forms;

/// <summary>What a person's text becomes on the way in: line breaks counted as the browser counts them, no control characters, and one testimonial for one press of Send.</summary>
public class FormTextTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ATestimonialTheFieldLetThrough_WithLineBreaks_IsAccepted_AndStoredWithThem()
    {
        // 2,000 characters as the textarea counts them (maxlength): each line break one. A browser sends it as two.
        var paragraphs = Enumerable.Range(0, 14).Select(i => new string((char)('a' + i), i < 13 ? 142 : 141));
        var typed = string.Join("\n", paragraphs);
        Assert.Equal(Testimonial.TextMaxLength, typed.Length);
        var name = "Line Breaks " + Guid.NewGuid().ToString("N")[..8];

        using var response = await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid(name, typed.Replace("\n", "\r\n")));

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(typed, (await factory.FindAsync(name))!.OriginalText);
    }

    [Fact]
    public async Task ControlCharactersSentInAMultipartForm_AreNotKept()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/testimonials/share");
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var name = "Control " + Guid.NewGuid().ToString("N")[..8];
        var form = new MultipartFormDataContent();
        // The box's value before the hidden "false" beside it, as a browser sends them.
        foreach (var (field, value) in TestimonialTestSupport.Valid(name, "Words with a NUL \0 and a bell \a and a form feed \f in them, all unseen."))
            form.Add(new StringContent(value), field);
        foreach (var hidden in page.Form().QuerySelectorAll("input[type=hidden]"))
            form.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);

        using var response = await client.PostAsync("/testimonials/share", form);

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Words with a NUL  and a bell  and a form feed  in them, all unseen.", (await factory.FindAsync(name))!.OriginalText);
    }

    [Fact]
    public async Task TheSameTestimonialSentTwice_AsADoubleClickOrAReloadWouldSendIt_IsKeptOnce()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/testimonials/share");
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var name = "Double Click " + Guid.NewGuid().ToString("N")[..8];

        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var sent = await client.SubmitAsync(page.Form(), "/testimonials/share", TestimonialTestSupport.Valid(name));
            Assert.Equal("/testimonials/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        }

        Assert.Equal(1, await factory.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Khilafat.Web.Data.SiteDbContext>(sp).Testimonials,
            t => t.DisplayName == name)));
    }
}
