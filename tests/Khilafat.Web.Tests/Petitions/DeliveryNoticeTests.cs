using AngleSharp.Html.Dom;
using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Petitions.PetitionTestSupport;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>
/// "Email me once when this petition is delivered": off unless ticked, kept with the signature, and honoured once, at the
/// first delivery, for confirmed signers only, in the language they signed in.
/// </summary>
public class DeliveryNoticeTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private const string Report = "Handed to the minister's office on Monday, with 5 signatures.";

    private static Dictionary<string, string> Telling(Dictionary<string, string> values)
    {
        values["Input.TellWhenDelivered"] = "true";
        return values;
    }

    /// <summary>The delivery news that reached <paramref name="email"/> (after every message to it was sent).</summary>
    private async Task<List<MimeMessage>> NewsToAsync(string email)
    {
        await factory.WaitUntilDeliveredAsync(email, 0);
        var sent = await factory.OutboxToAsync(email);
        await Poll.UntilAsync(() => Task.FromResult(factory.Smtp.MessagesTo(email).Count), n => n >= sent.Count, $"{sent.Count} message(s) to {email}");
        return factory.Smtp.MessagesTo(email).Where(m => m.TextBody?.Contains(Report, StringComparison.Ordinal) == true).ToList();
    }

    [Fact]
    public async Task SignersWhoAsked_AreToldOnce_WhenThePetitionIsDelivered_InTheirLanguage_AndNobodyElse()
    {
        var title = NewTitle("Let aid in");
        var (id, slug) = await factory.CreatePetitionAsync(title, translations: ("ar", "أدخلوا المساعدات", "نص العريضة."));
        var visitor = factory.CreateClient();

        // The box is on the form, unticked, and says what it does.
        var form = await visitor.GetDocumentAsync($"/petitions/{slug}/sign");
        var box = (IHtmlInputElement)form.QuerySelector("main form.petition-form input[name='Input.TellWhenDelivered']")!;
        Assert.False(box.IsChecked);
        Assert.Equal("Email me once when this petition is delivered, to say how it went", box.Closest("label")!.Text());

        var (asked, notAsked, unconfirmed, arabic) = (Visitor.NewAddress("asked"), Visitor.NewAddress("not-asked"), Visitor.NewAddress("unconfirmed"), Visitor.NewAddress("arabic"));
        await visitor.SignAndConfirmAsync(factory, slug, Telling(SignValues(asked, name: "Amina Khan")));
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(notAsked, name: "Omar Farouk"));
        await visitor.SignAndSeeThanksAsync(factory, slug, Telling(SignValues(unconfirmed, name: "Bilal Ahmed")));
        await visitor.SignAndSeeThanksAsync(factory, slug, Telling(SignValues(arabic, name: "سارة علي", country: "EG")), prefix: "/ar");
        using (var confirmed = await visitor.ConfirmAsync((await factory.SignatureEmailsAsync(arabic)).Last()))
            Assert.EndsWith("/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = (await factory.SignaturesAsync(id)).ToDictionary(s => s.Email!);
        Assert.Equal([DeliveryNotice.Asked, DeliveryNotice.NotAsked, DeliveryNotice.Asked, DeliveryNotice.Asked],
            new[] { asked, notAsked, unconfirmed, arabic }.Select(e => stored[e].DeliveryNotice));

        // The editor delivering it is told who will be written to: the two confirmed signers who asked.
        await factory.WithScopeAsync(async sp => Assert.Equal(PetitionStateChange.Done, await sp.GetRequiredService<PetitionEditor>().CloseAsync(id, Actor.System)));
        var (editor, _) = await factory.EditorAsync();
        var edit = $"/admin/petitions/edit/{id}";
        Assert.EndsWith("2 signers asked to be emailed this report, once, when you mark it delivered.",
            (await editor.GetDocumentAsync(edit)).QuerySelector("#delivery-report-hint")!.Text());
        using (var delivered = await editor.SubmitFormAsync(edit, Html.Values(("DeliveryReport", Report)), formSelector: "form[action*=Deliver]"))
            Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        await factory.RunDueJobsAsync();

        var news = Assert.Single(await NewsToAsync(asked));
        Assert.Equal($"Delivered: {title}", news.Subject);
        Assert.Contains("Hello Amina Khan,", news.TextBody);
        Assert.Contains($"The petition you signed, “{title}”, has been delivered.", news.TextBody);
        Assert.Contains($"It was handed to: {Recipient}", news.TextBody);
        Assert.Contains($"What happened: {Report}", news.TextBody);
        Assert.Contains($"https://localhost/petitions/{slug}", news.TextBody);
        var inArabic = Assert.Single(await NewsToAsync(arabic));
        Assert.Equal("سُلّمت: أدخلوا المساعدات", inArabic.Subject);
        Assert.Contains($"https://localhost/ar/petitions/{slug}", inArabic.TextBody);
        // Not asked, or never confirmed: nothing.
        Assert.Empty(await NewsToAsync(notAsked));
        Assert.Empty(await NewsToAsync(unconfirmed));
        stored = (await factory.SignaturesAsync(id)).ToDictionary(s => s.Email!);
        Assert.Equal([DeliveryNotice.Sent, DeliveryNotice.NotAsked, DeliveryNotice.Asked, DeliveryNotice.Sent],
            new[] { asked, notAsked, unconfirmed, arabic }.Select(e => stored[e].DeliveryNotice));

        // The report corrected afterwards is not news: nobody is written to again, as the form says.
        Assert.EndsWith("a correction saved now emails nobody.", (await editor.GetDocumentAsync(edit)).QuerySelector("#delivery-report-hint")!.Text());
        using (await editor.SubmitFormAsync(edit, Html.Values(("DeliveryReport", Report + " The office replied on Tuesday.")), formSelector: "form[action*=Deliver]")) { }
        Assert.EndsWith("The office replied on Tuesday.", (await factory.WithScopeAsync(sp => sp.GetRequiredService<PetitionEditor>().GetAsync(id)))!.DeliveryReport);
        await factory.RunDueJobsAsync();
        Assert.Single(await factory.OutboxToAsync(asked), m => m.Kind == OutboxKinds.PetitionDelivered);
        Assert.Single(await NewsToAsync(asked));
    }
}
