using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

public class FaqEditingTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task ANewQuestion_ShowsOnTheFaq_WithItsAnchor()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var question = $"Can I volunteer {Tag()}?";
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/faq")).StatusCode); // cached before the change

        using var response = await editor.SubmitFormAsync("/admin/faq/create",
            Html.Values(("Input.Question", question), ("Input.Answer", "Yes: write to **us**.")));

        Assert.Equal("/admin/faq", response.LandedOn());
        Assert.Contains("The question is added.", (await response.ReadDocumentAsync()).Status());
        var anchor = AnchorOf(question);
        var faq = await _visitor.GetDocumentAsync("/faq");
        var entry = faq.GetElementById(anchor)!;
        Assert.Equal(question, entry.QuerySelector("h2")!.Text());
        Assert.Equal("us", entry.QuerySelector(".faq-answer strong")!.Text());
        Assert.Equal(question, faq.QuerySelector($".faq-entry h2 a[href='#{anchor}']")!.Text());
        // Added at the end.
        Assert.Equal(anchor, faq.QuerySelectorAll("section.faq-entry").Last().Id);
        var created = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.FaqCreated && e.Target == "faq:" + anchor);
        Assert.Equal(email, created.ActorName);
    }

    [Fact]
    public async Task AQuestion_WithAChosenAnchor_KeepsIt_AndATakenAnchorIsRefused()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var anchor = "chosen-" + Tag();

        await CreateAsync(editor, "Where do you meet?", anchor: anchor);
        using var taken = await editor.SubmitFormAsync("/admin/faq/create",
            Html.Values(("Input.Question", "Another question " + Tag()), ("Input.Answer", "x"), ("Input.Anchor", anchor)));

        Assert.Equal("Where do you meet?", (await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor)!.QuerySelector("h2")!.Text());
        Assert.Equal("Another question already uses this anchor.", (await taken.ReadDocumentAsync()).FieldError("Input.Anchor"));
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().FaqEntries.CountAsync(f => f.Anchor == anchor)));
    }

    [Fact]
    public async Task AQuestionWithoutItsAnswer_IsRefusedBesideTheAnswer()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Unanswered " + Tag();

        using var response = await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", question), ("Input.Answer", "")));

        Assert.Equal("Enter the answer.", (await response.ReadDocumentAsync()).FieldError("Input.Answer"));
        Assert.Null(await EntryAsync(question));
    }

    [Fact]
    public async Task EditingAQuestion_ChangesTheFaq_AndKeepsTheAnchor()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = $"How often do you meet {Tag()}?";
        var id = await CreateAsync(editor, question, "Weekly.");
        var anchor = AnchorOf(question);

        using var response = await editor.SubmitFormAsync($"/admin/faq/edit/{id}",
            Html.Values(("Input.Question", question + " (updated)"), ("Input.Answer", "Every *other* week.")));

        Assert.Equal("/admin/faq", response.LandedOn());
        Assert.Contains("The question is saved.", (await response.ReadDocumentAsync()).Status());
        var entry = (await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor)!;
        Assert.Equal(question + " (updated)", entry.QuerySelector("h2")!.Text());
        Assert.Equal("other", entry.QuerySelector(".faq-answer em")!.Text());
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.FaqEdited && e.Target == "faq:" + anchor);
    }

    [Fact]
    public async Task MovingAQuestionUpAndDown_ChangesItsPlaceOnTheFaq()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var first = "First of two " + Tag();
        var second = "Second of two " + Tag();
        await CreateAsync(editor, first);
        await CreateAsync(editor, second);
        Assert.True(await PlaceOnFaqAsync(first) < await PlaceOnFaqAsync(second));

        using (var up = await editor.SubmitAsync(await MoveFormAsync(editor, second, "up"), "/admin/faq"))
        {
            Assert.Equal("/admin/faq", up.LandedOn());
            var rows = (await up.ReadDocumentAsync()).QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td:nth-of-type(2) a")!.Text()).ToList();
            Assert.Equal(rows.IndexOf(first) - 1, rows.IndexOf(second));
        }
        Assert.Equal(await PlaceOnFaqAsync(first) - 1, await PlaceOnFaqAsync(second));

        using (await editor.SubmitAsync(await MoveFormAsync(editor, second, "down"), "/admin/faq"))
        {
        }
        Assert.Equal(await PlaceOnFaqAsync(first) + 1, await PlaceOnFaqAsync(second));
        var moves = (await factory.AuditEntriesAsync()).Where(e => e.Action == AuditActions.FaqMoved && e.Target == "faq:" + AnchorOf(second)).ToList();
        Assert.Equal(["up", "down"], moves.Select(m => m.Details));
    }

    [Fact]
    public async Task TheFirstQuestion_CannotMoveUp()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var list = await editor.GetDocumentAsync("/admin/faq");

        var firstRow = list.QuerySelector("tbody tr")!;
        Assert.True(firstRow.QuerySelector("input[name=direction][value=up]")!.ParentElement!.QuerySelector("button")!.HasAttribute("disabled"));
        Assert.True(list.QuerySelectorAll("tbody tr").Last().QuerySelector("input[name=direction][value=down]")!.ParentElement!.QuerySelector("button")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task UnpublishingAndPublishingAQuestion_HidesAndShowsItOnTheFaq()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Hide me " + Tag();
        var id = await CreateAsync(editor, question);
        var anchor = AnchorOf(question);
        Assert.NotNull((await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor));

        using (var hidden = await editor.SubmitFormAsync("/admin/faq", formSelector: $"form[action='/admin/faq?id={id}&handler=Unpublish']"))
        {
            var list = await hidden.ReadDocumentAsync();
            Assert.Contains("Unpublished: no longer on /faq.", list.Status());
            Assert.Equal("Unpublished", RowOf(list, question).QuerySelector(".tag")!.Text());
        }
        var faq = await _visitor.GetDocumentAsync("/faq");
        Assert.Null(faq.GetElementById(anchor));
        Assert.Null(faq.QuerySelector($"a[href='#{anchor}']"));

        using (var shown = await editor.SubmitFormAsync("/admin/faq", formSelector: $"form[action='/admin/faq?id={id}&handler=Publish']"))
        {
            Assert.Contains("Published on /faq.", (await shown.ReadDocumentAsync()).Status());
        }
        Assert.NotNull((await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor));
        var audit = (await factory.AuditEntriesAsync()).Where(e => e.Target == "faq:" + anchor).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.FaqCreated, AuditActions.FaqUnpublished, AuditActions.FaqPublished], audit);
    }

    [Fact]
    public async Task AQuestionSavedUnpublished_IsNotOnTheFaq()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Not yet " + Tag();

        await editor.SubmitFormAsync("/admin/faq/create",
            Html.Values(("Input.Question", question), ("Input.Answer", "Soon."), ("Input.IsPublished", "false")));

        Assert.False((await EntryAsync(question))!.IsPublished);
        Assert.Null((await _visitor.GetDocumentAsync("/faq")).GetElementById(AnchorOf(question)));
    }

    [Fact]
    public async Task Deleting_AsksFirst_AndOnlyTheConfirmationDeletes()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Delete me " + Tag();
        var id = await CreateAsync(editor, question);
        var anchor = AnchorOf(question);

        var list = await editor.GetDocumentAsync("/admin/faq");
        var deleteLink = RowOf(list, question).QuerySelector("a[href^='/admin/faq/delete/']")!.GetAttribute("href")!;
        Assert.Equal($"/admin/faq/delete/{id}", deleteLink);
        var confirmation = await editor.GetDocumentAsync(deleteLink);

        Assert.Equal("Delete this question?", confirmation.QuerySelector("h1")!.Text());
        Assert.Contains(question, confirmation.QuerySelector("main")!.Text());
        Assert.NotNull(await EntryAsync(question));
        Assert.NotNull((await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor));

        using var deleted = await editor.SubmitAsync(confirmation.Form(), deleteLink);

        Assert.Equal("/admin/faq", deleted.LandedOn());
        Assert.Contains("The question is deleted.", (await deleted.ReadDocumentAsync()).Status());
        Assert.Null(await EntryAsync(question));
        Assert.Null((await _visitor.GetDocumentAsync("/faq")).GetElementById(anchor));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(deleteLink)).StatusCode);
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.FaqDeleted && e.Target == "faq:" + anchor);
        Assert.Equal(email, audit.ActorName);
        Assert.Equal(question, audit.Details);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static string AnchorOf(string question) => Slugs.FromText(question);

    /// <summary>Adds a question through the form; returns its id.</summary>
    private async Task<int> CreateAsync(HttpClient editor, string question, string answer = "An answer.", string? anchor = null)
    {
        using var response = await editor.SubmitFormAsync("/admin/faq/create",
            Html.Values(("Input.Question", question), ("Input.Answer", answer), ("Input.Anchor", anchor ?? "")));
        Assert.Equal("/admin/faq", response.LandedOn());
        return (await EntryAsync(question))!.ItemId;
    }

    private async Task<StoredText?> EntryAsync(string question) =>
        await factory.ItemWithTitleAsync(TextKinds.Faq, question) is int id ? await factory.FaqAsync(id) : null;

    private async Task<int> PlaceOnFaqAsync(string question)
    {
        var questions = (await _visitor.GetDocumentAsync("/faq")).QuerySelectorAll("section.faq-entry h2").Select(s => s.Text()).ToList();
        var place = questions.IndexOf(question);
        Assert.True(place >= 0, $"\"{question}\" is not on /faq.");
        return place;
    }

    private static AngleSharp.Dom.IElement RowOf(IHtmlDocument list, string question) =>
        list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td:nth-of-type(2) a")!.Text() == question);

    private static async Task<IHtmlFormElement> MoveFormAsync(HttpClient editor, string question, string direction)
    {
        var list = await editor.GetDocumentAsync("/admin/faq");
        return RowOf(list, question).QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector($"input[name=direction][value={direction}]") is not null);
    }
}
