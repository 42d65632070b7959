using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Menus;

/// <summary>
/// /admin/menus: editors add, rename, reorder and remove the header's and footer's links per language, and readers see
/// the change at once. Each test works on its own menu and language, so their order does not matter.
/// </summary>
public class MenuAdminTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task TheAdminNavigationsLink_OpensTheEnglishHeaderMenu_WithoutAnError()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var link = (await editor.GetDocumentAsync("/admin")).QuerySelectorAll("a").Single(a => a.Text() == "Menus").GetAttribute("href");
        Assert.Equal("/admin/menus", link);

        var page = await editor.GetDocumentAsync(link!);

        Assert.Null(page.QuerySelector(".error-summary")?.Text());
        Assert.Equal("Header menu in English", page.QuerySelector("main h2")!.Text());
    }

    [Fact]
    public async Task AddedItem_ShowsInTheHeaderOfThatLanguageOnly_AtOnce_AndIsAudited()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var href = "/updates/vigil-" + Tag();
        // Cached before the change: the add must evict them.
        await _visitor.GetDocumentAsync("/");
        await _visitor.GetDocumentAsync("/ar");

        using var response = await editor.SubmitFormAsync("/admin/menus?menu=header&culture=en", Html.Values(("label", "Our vigil"), ("href", href)), "form[action*='handler=Add']");

        Assert.Equal("/admin/menus?menu=header&culture=en", response.LandedOn());
        Assert.Contains("Added “Our vigil”", (await response.ReadDocumentAsync()).Status());
        var english = await _visitor.GetDocumentAsync("/");
        Assert.Equal("Our vigil", Assert.Single(english.QuerySelectorAll($"header nav.site-nav a[href='{href}']")).Text());
        Assert.Equal("Our vigil", HeaderLabels(english)[^1]);
        var arabic = await _visitor.GetDocumentAsync("/ar");
        Assert.Empty(arabic.QuerySelectorAll($"header nav.site-nav a[href$='{href}']"));
        Assert.Equal("البيان", HeaderLabels(arabic)[0]);
        var added = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MenuItemAdded && e.Details == $"Our vigil ({href})");
        Assert.Equal(email, added.ActorName);
        Assert.Equal(AuditTargets.Menu("header", "en"), added.Target);
    }

    [Fact]
    public async Task MovingAnItemDown_SwapsItWithTheNext_InTheUrduFooter_AndRenamingChangesItsText()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        const string page = "/admin/menus?menu=footer&culture=ur";
        var before = FooterLabels(await _visitor.GetDocumentAsync("/ur"));

        var list = await editor.GetDocumentAsync(page);
        var first = list.QuerySelectorAll("li.menu-item")[0];
        using var moved = await editor.SubmitAsync(FormWithButton(first, "Down"), page);

        Assert.Equal(page, moved.LandedOn());
        var after = FooterLabels(await _visitor.GetDocumentAsync("/ur"));
        Assert.Equal([before[1], before[0], .. before[2..]], after);
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MenuItemMoved && e.Target == AuditTargets.Menu("footer", "ur"));

        var second = (await editor.GetDocumentAsync(page)).QuerySelectorAll("li.menu-item")[1];
        using var renamed = await editor.SubmitAsync((IHtmlFormElement)second.QuerySelector("form.menu-item-form")!, page, Html.Values(("label", "بیان پڑھیں")));

        Assert.Equal(page, renamed.LandedOn());
        Assert.Equal([before[1], "بیان پڑھیں", .. before[2..]], FooterLabels(await _visitor.GetDocumentAsync("/ur")));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MenuItemEdited && e.Details!.EndsWith("→ بیان پڑھیں (/statement)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALanguageWhoseItemsAreAllRemoved_ShowsEnglishsMenu_MarkedEnglish_InItsOwnLanguagesAddresses()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        const string page = "/admin/menus?menu=footer&culture=ar";
        Assert.Equal("الخصوصية", FooterLabels(await _visitor.GetDocumentAsync("/ar"))[^1]);

        while ((await editor.GetDocumentAsync(page)).QuerySelector("li.menu-item") is { } item)
        {
            using var removed = await editor.SubmitAsync(FormWithButton(item, "Remove"), page);
            Assert.Equal(page, removed.LandedOn());
        }

        var list = await editor.GetDocumentAsync(page);
        Assert.Contains("Arabic readers see the English one", list.QuerySelector(".empty-state")!.Text());
        var arabic = await _visitor.GetDocumentAsync("/ar");
        var links = arabic.QuerySelectorAll("footer nav:not(.footer-languages) a").Take(2).ToList();
        Assert.Equal("Statement", links[0].Text());
        Assert.Equal("/ar/statement", links[0].GetAttribute("href"));
        Assert.All(links, a => Assert.Equal("en", a.GetAttribute("lang")));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MenuItemRemoved && e.Target == AuditTargets.Menu("footer", "ar"));
        // The header, a menu of its own, keeps its Arabic items.
        Assert.Equal("البيان", HeaderLabels(arabic)[0]);
    }

    [Fact]
    public async Task AnEditFromAPageOpenedBeforeAnothers_IsRefused_KeepingWhatWasTyped_AndARemovedItemsTextGoesToTheAddForm()
    {
        var (first, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (second, _) = await factory.SignedInClientAsync(Roles.Editor);
        const string page = "/admin/menus?menu=header&culture=ar";
        var href = "/updates/vigil-" + Tag();
        using (await first.SubmitFormAsync(page, Html.Values(("label", "الوقفة"), ("href", href)), "form[action*='handler=Add']")) { }
        IElement Item(IHtmlDocument list) => list.QuerySelectorAll("li.menu-item").Single(li => li.QuerySelector("input[name=href]")!.GetAttribute("value") == href);
        var opened = await first.GetDocumentAsync(page);
        var theirs = Item(await second.GetDocumentAsync(page));
        using (await second.SubmitAsync((IHtmlFormElement)theirs.QuerySelector("form.menu-item-form")!, page, Html.Values(("label", "الوقفة الصامتة")))) { }

        using var stale = await first.SubmitAsync((IHtmlFormElement)Item(opened).QuerySelector("form.menu-item-form")!, page, Html.Values(("label", "وقفة السبت")));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var refused = await stale.ReadDocumentAsync();
        var mine = Item(refused);
        Assert.Contains("Another editor changed this item to “الوقفة الصامتة”", mine.QuerySelector(".field-error")!.Text());
        Assert.Equal("وقفة السبت", mine.QuerySelector("input[name=label]")!.GetAttribute("value"));
        Assert.Contains("الوقفة الصامتة", HeaderLabels(await _visitor.GetDocumentAsync("/ar")));

        // Saved again from that page, it replaces theirs knowingly.
        using var saved = await first.SubmitAsync((IHtmlFormElement)mine.QuerySelector("form.menu-item-form")!, page);
        Assert.Equal(page, saved.LandedOn());
        Assert.Contains("وقفة السبت", HeaderLabels(await _visitor.GetDocumentAsync("/ar")));

        // Removed by the other meanwhile: what was typed waits in the add form, with a word on why.
        var reopened = await first.GetDocumentAsync(page);
        using (await second.SubmitAsync(FormWithButton(Item(await second.GetDocumentAsync(page)), "Remove"), page)) { }
        using var gone = await first.SubmitAsync((IHtmlFormElement)Item(reopened).QuerySelector("form.menu-item-form")!, page, Html.Values(("label", "وقفة الأحد")));
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        var addForm = await gone.ReadDocumentAsync();
        Assert.Equal("وقفة الأحد", addForm.GetElementById("Add_Label")!.GetAttribute("value"));
        Assert.Equal(href, addForm.GetElementById("Add_Href")!.GetAttribute("value"));
        Assert.Contains("Another editor removed that item", addForm.ErrorSummary());
        Assert.Equal("البيان", HeaderLabels(await _visitor.GetDocumentAsync("/ar"))[0]);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://evil.example/")]
    [InlineData("statement")]
    [InlineData("/\\evil.example")]
    [InlineData("/two words")]
    public async Task AnAddressOffTheSite_IsRefusedBesideTheField_AndNothingIsSaved(string href)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        const string page = "/admin/menus?menu=header&culture=ur";
        var before = HeaderLabels(await _visitor.GetDocumentAsync("/ur"));
        var audited = (await factory.AuditEntriesAsync()).Count;

        using var response = await editor.SubmitFormAsync(page, Html.Values(("label", "Elsewhere"), ("href", href)), "form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await response.ReadDocumentAsync();
        var field = form.GetElementById("Add_Href")!;
        Assert.Equal(href, field.GetAttribute("value"));
        Assert.Contains("address on this site", field.ParentElement!.QuerySelector(".field-error")!.Text());
        Assert.Contains("address on this site", form.ErrorSummary());
        Assert.Equal("Elsewhere", form.GetElementById("Add_Label")!.GetAttribute("value"));
        Assert.Equal(before, HeaderLabels(await _visitor.GetDocumentAsync("/ur")));
        Assert.Equal(audited, (await factory.AuditEntriesAsync()).Count);
    }

    [Theory]
    [InlineData("/admin/menus?menu=sidebar&culture=en")]
    [InlineData("/admin/menus?menu=header&culture=fr")]
    public async Task AnUnknownMenuOrLanguage_IsNotFound(string path)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        using var response = await editor.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string> HeaderLabels(IHtmlDocument page) => [.. page.QuerySelectorAll("header nav.site-nav a").Select(a => a.Text())];

    private static List<string> FooterLabels(IHtmlDocument page) => [.. page.QuerySelectorAll("footer nav:not(.footer-languages) a").Select(a => a.Text())];

    private static IHtmlFormElement FormWithButton(IElement item, string button) =>
        (IHtmlFormElement)item.QuerySelectorAll("form").Single(f => f.QuerySelector("button")!.Text().StartsWith(button, StringComparison.Ordinal));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
