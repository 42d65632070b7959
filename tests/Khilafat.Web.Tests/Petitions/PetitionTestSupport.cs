using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>What the petition tests do again and again: make a petition, sign it through its real form, confirm from the email, read the page.</summary>
public static class PetitionTestSupport
{
    public const string Recipient = "The Foreign Secretary";

    /// <summary>A petition with its English text published (and translations, published), open for signing unless told otherwise.</summary>
    public static async Task<(int Id, string Slug)> CreatePetitionAsync(this SiteFactory factory, string title, int goal = 100, bool open = true,
        DateTime? closesAt = null, params (string Culture, string Title, string Body)[] translations) =>
        await factory.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PetitionEditor>();
            var saved = Assert.IsType<TextSaveResult.Saved>(await editor.CreateAsync(
                new TextInput(title, "Stop the siege and let aid in.", "We ask you to act **now**."), new PetitionSettings(Recipient, goal, closesAt), publish: true, Actor.System));
            var slug = (await editor.GetAsync(saved.ItemId))!.Slug;
            foreach (var (culture, translatedTitle, body) in translations)
                Assert.IsType<TextSaveResult.Saved>(await sp.GetRequiredService<TextEditor>().SaveAsync(PetitionEditor.Item(saved.ItemId, slug), culture, 0,
                    new TextInput(translatedTitle, "", body), TextChange.Publish, Actor.System));
            if (open) Assert.Equal(PetitionStateChange.Done, await editor.OpenAsync(saved.ItemId, Actor.System));
            return (saved.ItemId, slug);
        });

    public static string NewTitle(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The signing form's values (consent ticked unless told otherwise).</summary>
    public static Dictionary<string, string> SignValues(string email, string name = "Amina Khan", string country = "PK", bool showName = false, bool joinList = false, bool consent = true)
    {
        var values = Html.Values(("Input.Email", email), ("Input.Name", name), ("Input.Country", country));
        if (consent) values["Input.Consent"] = "true";
        if (showName) values["Input.ShowName"] = "true";
        if (joinList) values["Input.JoinList"] = "true";
        return values;
    }

    /// <summary>
    /// Opens the signing form (at <paramref name="prefix"/>, "" or "/ar"), lets the time trap's seconds pass on the
    /// site's clock as a person filling it in would, and sends it; returns the response after redirects.
    /// </summary>
    public static async Task<HttpResponseMessage> SignAsync(this HttpClient client, SiteFactory factory, string slug, Dictionary<string, string> values, string prefix = "")
    {
        var url = $"{prefix}/petitions/{slug}/sign";
        var form = await client.GetDocumentAsync(url);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        return await client.SubmitAsync(form.Form("main form.petition-form"), url, values);
    }

    /// <summary>Signs and checks the visitor lands on the "check your email" page.</summary>
    public static async Task<IHtmlDocument> SignAndSeeThanksAsync(this HttpClient client, SiteFactory factory, string slug, Dictionary<string, string> values, string prefix = "")
    {
        using var response = await client.SignAsync(factory, slug, values, prefix);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == $"{prefix}/petitions/{slug}/thanks",
            $"Signing ended on {response.RequestMessage!.RequestUri!.AbsolutePath} ({(int)response.StatusCode}): {Html.Shorten(body)}");
        return Html.Parse(body);
    }

    /// <summary>The signature confirmations that have reached <paramref name="email"/>'s mailbox (waiting, bounded, for <paramref name="count"/>).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> SignatureEmailsAsync(this MailSiteFactory factory, string email, int count = 1) =>
        await Poll.UntilAsync(async () =>
        {
            await factory.LetRetriesComeAsync(email);
            return factory.Smtp.MessagesTo(email).Where(m => (m.TextBody ?? "").Contains("/petitions/confirm?token=")).ToList();
        }, m => m.Count >= count, $"{count} signature confirmation(s) to {email}");

    /// <summary>Presses the button on the confirmation link's page; returns where the visitor ended.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, MimeMessage message) =>
        await client.SubmitFormAsync(Mailbox.PathAndQuery(ConfirmUrl(message)));

    public static string ConfirmUrl(MimeMessage message) =>
        System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https://\S+/petitions/confirm\?token=\S+").Value;

    /// <summary>Signs, waits for the email and confirms it: the whole journey of one signer.</summary>
    public static async Task SignAndConfirmAsync(this HttpClient client, MailSiteFactory factory, string slug, Dictionary<string, string> values)
    {
        await client.SignAndSeeThanksAsync(factory, slug, values);
        var message = (await factory.SignatureEmailsAsync(values["Input.Email"])).Last();
        using var confirmed = await client.ConfirmAsync(message);
        Assert.Equal($"/petitions/{slug}/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>The count the petition's page shows ("12 signatures"), read from the page as a visitor sees it.</summary>
    public static async Task<string> CountShownAsync(this HttpClient client, string slug, string prefix = "") =>
        (await client.GetDocumentAsync($"{prefix}/petitions/{slug}")).QuerySelector(".petition-count")!.Text();

    /// <summary>Polls the page (it is cached for a few seconds) until it shows <paramref name="expected"/>; the site promises it within 10 s.</summary>
    public static Task<string> WaitForCountShownAsync(this HttpClient client, string slug, string expected) =>
        Poll.UntilAsync(() => client.CountShownAsync(slug), shown => shown == expected, $"the page of {slug} to show {expected}", TimeSpan.FromSeconds(10));

    public static Task<List<PetitionSignature>> SignaturesAsync(this SiteFactory factory, int petitionId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().PetitionSignatures.AsNoTracking().Where(s => s.PetitionId == petitionId).OrderBy(s => s.Id).ToListAsync());
}
