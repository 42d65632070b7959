using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Khilafat.Web.Data;
using Khilafat.Web.Events;
using Khilafat.Web.Testimonials;
using SpamCheck = Khilafat.Web.Testimonials.SpamCheck;
using Khilafat.Web.Tests.Events;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Petitions;
using Khilafat.Web.Tests.Testimonials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Forms;

/// <summary>
/// A public form sent after the browser dropped its session cookies (the anti-forgery cookie among them: a tab restored
/// after a restart) was a bare "Bad request", and going back sent the same stale token again: what the visitor typed
/// was lost. Now the form comes back filled as sent, with the reason at the top, a fresh token, and nothing kept; sent
/// again, it goes through. A signing or event form left open for longer than the time trap allows (hours: a robot
/// replaying one form would look the same) was thanked and forgotten, with no email ever coming; it comes back the same way.
/// </summary>
public class ExpiredTokenTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ATestimonial_ComesBackAsTyped_KeepsNothing_AndGoesThroughWhenSentAgain()
    {
        var form = await factory.CreateClient().GetDocumentAsync("/testimonials/share");
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var name = "Expired Form " + Guid.NewGuid().ToString("N")[..8];
        const string text = "Three paragraphs written on a phone on the bus.\n\nThey should not have to be written twice.";
        var browser = factory.CreateClient(); // the same visitor, without the cookie the form was served with

        using var refused = await browser.SubmitAsync(form.Form(), "/testimonials/share", TestimonialTestSupport.Valid(name, text, rating: 4));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await refused.ReadDocumentAsync();
        Assert.Equal("This form had expired, so nothing was sent. Check what you entered and send it again.", shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal(text, ((IHtmlTextAreaElement)shown.QuerySelector("textarea[name='Input.Text']")!).Value.Replace("\r\n", "\n"));
        Assert.Equal(name, shown.QuerySelector<IHtmlInputElement>("input[name='Input.DisplayName']")!.Value);
        Assert.True(shown.QuerySelector<IHtmlInputElement>("input[name='Input.Rating'][value='4']")!.IsChecked);
        Assert.Null(await factory.FindAsync(name));

        using var sent = await browser.SubmitAsync(shown.Form(), "/testimonials/share");

        Assert.Equal("/testimonials/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(TestimonialStatus.Pending, (await factory.FindAsync(name))!.Status);
    }

    [Theory]
    [InlineData("", "This form had expired, so nothing was sent.")]
    [InlineData("/ar", "انتهت صلاحية هذا النموذج، فلم يُرسَل شيء.")]
    public async Task AListSignUp_ComesBackAsTyped_InThePagesLanguage(string prefix, string message)
    {
        var form = await factory.CreateClient().GetDocumentAsync($"{prefix}/join");
        var email = $"expired-{Guid.NewGuid():N}@example.org";

        using var refused = await factory.CreateClient().SubmitAsync(form.Form(), $"{prefix}/join", Html.Values(("Input.Email", email), ("Input.Name", "Bilal")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await refused.ReadDocumentAsync();
        Assert.StartsWith(message, shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal(email, shown.QuerySelector<IHtmlInputElement>("input[name='Input.Email']")!.Value);
        Assert.Equal("Bilal", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task ASignature_ComesBackAsTyped_AndCountsNothing()
    {
        var (id, slug) = await factory.CreatePetitionAsync("Expired form " + Guid.NewGuid().ToString("N")[..8]);
        var url = $"/petitions/{slug}/sign";
        var form = await factory.CreateClient().GetDocumentAsync(url);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var browser = factory.CreateClient();

        using var refused = await browser.SubmitAsync(form.Form("main form.petition-form"), url, PetitionTestSupport.SignValues("expired-signer@example.org", "Hina Rauf", "GB"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await refused.ReadDocumentAsync();
        Assert.StartsWith("This form had expired", shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal("Hina Rauf", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.Equal("GB", shown.QuerySelector<IHtmlSelectElement>("select[name='Input.Country']")!.Value);
        Assert.Empty(await factory.SignaturesAsync(id));

        using var sent = await browser.SubmitAsync(shown.Form("main form.petition-form"), url);

        Assert.Equal($"/petitions/{slug}/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Single(await factory.SignaturesAsync(id));
    }

    [Fact]
    public async Task AnEventAnswer_ComesBackAsTyped_AndHoldsNoPlace()
    {
        var (id, slug) = await factory.CreateEventAsync(EventTestSupport.NewTitle("Expired form vigil"), factory.Clock.GetUtcNow().UtcDateTime.AddDays(10));
        var url = EventReader.RsvpPath(slug);
        var form = await factory.CreateClient().GetDocumentAsync(url);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        using var refused = await factory.CreateClient().SubmitAsync(form.Form(), url,
            Html.Values(("Input.Name", "Sana Mir"), ("Input.Email", "expired-rsvp@example.org"), ("Input.People", "3"), ("Input.Consent", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await refused.ReadDocumentAsync();
        Assert.StartsWith("This form had expired", shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal("Sana Mir", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.Equal("3", shown.QuerySelector("[name='Input.People']") switch
        {
            IHtmlSelectElement select => select.Value,
            IHtmlInputElement input => input.Value,
            var other => other?.OuterHtml,
        });
        Assert.Empty(await factory.RsvpsAsync(id));
    }

    [Fact]
    public async Task ASigningFormLeftOpenAllAfternoon_ComesBackToSend_InsteadOfAThanksForNothing()
    {
        var (id, slug) = await factory.CreatePetitionAsync("Open all afternoon " + Guid.NewGuid().ToString("N")[..8]);
        var url = $"/ur/petitions/{slug}/sign";
        var visitor = factory.CreateClient();
        var form = await visitor.GetDocumentAsync(url);
        factory.Clock.Advance(SpamCheck.MaximumFillTime + TimeSpan.FromMinutes(30));

        using var refused = await visitor.SubmitAsync(form.Form("main form.petition-form"), url, PetitionTestSupport.SignValues("afternoon@example.org", "Hina Rauf"));

        Assert.Equal(url, refused.RequestMessage!.RequestUri!.AbsolutePath);
        var shown = await refused.ReadDocumentAsync();
        Assert.StartsWith("اس فارم کی میعاد ختم ہو چکی تھی", shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal("Hina Rauf", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.Empty(await factory.SignaturesAsync(id));

        // Sent at once, as a person who has long filled it in would: not taken for a fast robot.
        using var sent = await visitor.SubmitAsync(shown.Form("main form.petition-form"), url);

        Assert.Equal($"/ur/petitions/{slug}/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("afternoon@example.org", Assert.Single(await factory.SignaturesAsync(id)).Email);
    }

    [Fact]
    public async Task AnEventFormLeftOpenAllAfternoon_ComesBackToSend_InsteadOfAThanksForNothing()
    {
        var (id, slug) = await factory.CreateEventAsync(EventTestSupport.NewTitle("Open all afternoon vigil"), factory.Clock.GetUtcNow().UtcDateTime.AddDays(10));
        var url = EventReader.RsvpPath(slug);
        var visitor = factory.CreateClient();
        var form = await visitor.GetDocumentAsync(url);
        factory.Clock.Advance(SpamCheck.MaximumFillTime + TimeSpan.FromMinutes(30));

        using var refused = await visitor.SubmitAsync(form.Form(), url,
            Html.Values(("Input.Name", "Sana Mir"), ("Input.Email", "afternoon-rsvp@example.org"), ("Input.People", "2"), ("Input.Consent", "true")));

        Assert.Equal(url, refused.RequestMessage!.RequestUri!.AbsolutePath);
        var shown = await refused.ReadDocumentAsync();
        Assert.StartsWith("This form had expired", shown.QuerySelector(".error-summary li")?.Text());
        Assert.Equal("Sana Mir", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        Assert.Empty(await factory.RsvpsAsync(id));

        using var sent = await visitor.SubmitAsync(shown.Form(), url);

        Assert.EndsWith("/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(2, Assert.Single(await factory.RsvpsAsync(id)).PartySize);
    }
}
