using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.Localization;

/// <summary>A sign-up remembers the language of its page: its emails, links and pages are in that language.</summary>
public class LanguageEmailTests(PickupFolderFactory factory) : IClassFixture<PickupFolderFactory>
{
    private Task<MimeMessage> MailToAsync(string address) => Mailbox.WaitForEmailInFolderAsync(factory.PickupFolder, address);

    [Fact]
    public async Task AnArabicSignUp_GetsItsConfirmationInArabic_RightToLeft_WithArabicPages()
    {
        var client = factory.CreateClient();
        using var response = await client.SubmitFormAsync("/ar/join", Html.Values(("Input.Email", "arabic.reader@example.org"), ("Input.Name", "فاطمة"), ("Input.Consent", "true")));
        Assert.Equal("/ar/join/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("ar", (await response.ReadDocumentAsync()).DocumentElement.GetAttribute("lang"));

        var mail = await MailToAsync("arabic.reader@example.org");
        // An Arabic name is joined to the word before it, not drawn out with a tatweel ("لـحركة").
        Assert.Equal("أكِّد اشتراكك في قائمة حركة الخلافة البريدية", mail.Subject);
        Assert.StartsWith("مرحبًا فاطمة،", mail.TextBody);
        // Written as any relay can carry it: every byte 7-bit, the Arabic in a declared transfer encoding.
        var raw = Directory.EnumerateFiles(factory.PickupFolder, "*.eml").Select(File.ReadAllBytes)
            .Single(b => System.Text.Encoding.ASCII.GetString(b).Contains("arabic.reader@example.org", StringComparison.Ordinal));
        Assert.DoesNotContain(raw, b => b >= 0x80);
        Assert.Contains("Content-Transfer-Encoding:", System.Text.Encoding.ASCII.GetString(raw), StringComparison.OrdinalIgnoreCase);
        var html = Html.Parse(mail.HtmlBody!);
        // The name isolated in the greeting (in Arabic letters, it takes the page's language).
        var name = html.QuerySelector("body p + p span[dir=auto]") ?? html.QuerySelectorAll("p span[dir=auto]").First();
        Assert.Equal(("فاطمة", null), (name.Text(), name.GetAttribute("lang")));
        Assert.Equal("مرحبًا فاطمة،", name.ParentElement!.Text());
        // In the plain text too, the link says what it does before its address.
        var button = html.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("/join/confirm")).Text();
        Assert.Contains($"{button}:\nhttps://localhost/ar/join/confirm?token=", mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal("rtl", html.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", html.DocumentElement.GetAttribute("lang"));
        var confirm = html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/join/confirm"));
        var unsubscribe = html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/unsubscribe?"));
        Assert.StartsWith("https://localhost/ar/join/confirm?token=", confirm);
        Assert.StartsWith("https://localhost/ar/unsubscribe?token=", unsubscribe);
        Assert.Equal("إلغاء الاشتراك", html.QuerySelectorAll("a").Last().Text());

        var confirmPage = await client.GetDocumentAsync(new Uri(confirm).PathAndQuery);
        Assert.Equal("أكِّد اشتراكك", confirmPage.QuerySelector("h1")!.Text());
        using var confirmed = await client.SubmitAsync(confirmPage.Form(), new Uri(confirm).PathAndQuery);
        Assert.Equal("/ar/join/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var unsubscribePage = await client.GetDocumentAsync(new Uri(unsubscribe).PathAndQuery);
        Assert.Equal("rtl", unsubscribePage.DocumentElement.GetAttribute("dir"));
        Assert.Equal("إلغاء الاشتراك", unsubscribePage.QuerySelector("main button")!.Text());

        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking().SingleAsync(s => s.Email == "arabic.reader@example.org"));
        Assert.Equal("ar", stored.Language);
        Assert.Equal("/ar/join", stored.Consent.Source);
        Assert.StartsWith("أوافق على تلقّي رسائل من حركة الخلافة", stored.Consent.Text);
    }

    [Fact]
    public async Task AnUrduSignUp_GetsItsConfirmationInUrdu()
    {
        using var response = await factory.CreateClient().SubmitFormAsync("/ur/join", Html.Values(("Input.Email", "urdu.reader@example.org"), ("Input.Consent", "true")));

        var mail = await MailToAsync("urdu.reader@example.org");
        Assert.Equal("تحریکِ خلافت کی میلنگ لسٹ میں اپنی شمولیت کی تصدیق کریں", mail.Subject);
        Assert.Equal("rtl", Html.Parse(mail.HtmlBody!).DocumentElement.GetAttribute("dir"));
        Assert.Contains("https://localhost/ur/join/confirm?token=", mail.TextBody);
    }

    [Fact]
    public async Task TheSubscriberList_FiltersAndExportsByLanguage()
    {
        using var ar = await factory.CreateClient().SubmitFormAsync("/ar/join", Html.Values(("Input.Email", "list.ar@example.org"), ("Input.Consent", "true")));
        using var en = await factory.CreateClient().SubmitFormAsync("/join", Html.Values(("Input.Email", "list.en@example.org"), ("Input.Consent", "true")));
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var list = await editor.GetDocumentAsync("/admin/subscribers?language=ar");
        var emails = list.QuerySelectorAll("main table tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Contains("list.ar@example.org", emails);
        Assert.DoesNotContain("list.en@example.org", emails);

        var csv = await editor.GetStringAsync(list.QuerySelector("a[href*='/admin/subscribers/export']")!.GetAttribute("href")!);
        Assert.Contains("list.ar@example.org", csv);
        Assert.DoesNotContain("list.en@example.org", csv);
    }
}
