using AngleSharp.Dom;
using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Petitions.PetitionTestSupport;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>What editors do with petitions through the admin's real forms: create, open, close, deliver, strike out, export.</summary>
public class PetitionAdminTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task AnEditor_CreatesPublishesAndOpensAPetition_ThenClosesAndDeliversIt()
    {
        var (editor, _) = await factory.EditorAsync();
        var title = NewTitle("Lift the blockade");

        using var created = await editor.SubmitFormAsync("/admin/petitions/create", Html.Values(("Input.Title", title), ("Input.AddressedTo", Recipient),
            ("Input.Goal", "500"), ("Input.Body", "We ask you to lift the blockade.")), submitter: "button[formaction*='handler=Publish']");
        var id = AdminSite.IdFrom(created.LandedOn());
        var edit = $"/admin/petitions/edit/{id}";
        var slug = (await factory.WithScopeAsync(sp => sp.GetRequiredService<PetitionEditor>().GetAsync(id)))!.Slug;
        // A draft is not public, even with its text published.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/petitions/{slug}")).StatusCode);

        using var opened = await editor.SubmitFormAsync(edit, formSelector: "form[action*=Open]");
        Assert.Contains("open for signing", (await opened.ReadDocumentAsync()).Status());
        var page = await factory.CreateClient().GetDocumentAsync($"/petitions/{slug}");
        Assert.Equal(title, page.QuerySelector("h1")!.Text());
        Assert.Contains(Recipient, page.QuerySelector(".petition-to")!.Text());
        Assert.Contains("0 of a goal of 500 (0%)", page.QuerySelector(".petition-progress")!.Text());

        // Without script's dialog, the page asks first: closing cannot be undone.
        using var asked = await editor.SubmitFormAsync(edit, formSelector: "form[action*=Close]", submitter: "button[name=confirmed]");
        var question = (await asked.ReadDocumentAsync()).QuerySelector("#close-question")!;
        Assert.Equal("Close the petition?", question.QuerySelector("h3")!.Text());
        Assert.Equal($"/admin/petitions/edit/{id}", question.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull((await factory.CreateClient().GetDocumentAsync($"/petitions/{slug}")).QuerySelector("#sign"));
        using var closed = await editor.SubmitAsync(question.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!, edit, submitter: "button[name=confirmed]");
        Assert.Contains("The petition is closed", (await closed.ReadDocumentAsync()).Status());
        var job = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking()
            .SingleAsync(j => j.Kind == JobKinds.ErasePetitionSigners && j.Key == id.ToString()));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(180), job.DueAt);

        using var empty = await editor.SubmitFormAsync(edit, Html.Values(("DeliveryReport", " ")), formSelector: "form[action*=Deliver]");
        Assert.Equal("Write a short delivery report: readers see it on the petition's page.", (await empty.ReadDocumentAsync()).QuerySelector("#delivery-report-error")!.Text());
        using var delivered = await editor.SubmitFormAsync(edit, Html.Values(("DeliveryReport", "Handed in at the ministry on Monday.\nThe minister's office took it.")), formSelector: "form[action*=Deliver]");
        Assert.Contains("marked delivered", (await delivered.ReadDocumentAsync()).Status());
        // Emptied by mistake: the error summary's link leads to the box, which keeps what was typed, not the stored report.
        using var emptied = await editor.SubmitFormAsync(edit, Html.Values(("DeliveryReport", "")), formSelector: "form[action*=Deliver]");
        var again = await emptied.ReadDocumentAsync();
        var box = again.GetElementById("DeliveryReport")!;
        Assert.Equal(("textarea", ""), (box.LocalName, box.TextContent));
        Assert.Contains("delivery-report-error", box.GetAttribute("aria-describedby"));
        Assert.NotNull(again.QuerySelector("a[href='#DeliveryReport']"));

        page = await factory.CreateClient().GetDocumentAsync($"/petitions/{slug}");
        Assert.Contains("This petition was delivered with 0 signatures.", page.QuerySelector(".petition-outcome")!.Text());
        // Its lines kept as the organiser wrote them (white-space: pre-line), not run together.
        var report = page.QuerySelector(".petition-outcome p.keeps-lines")!;
        Assert.Equal("Handed in at the ministry on Monday.\nThe minister's office took it.", report.TextContent.Replace("\r\n", "\n"));
        var audit = await factory.AuditEntriesAsync();
        foreach (var action in new[] { AuditActions.PetitionCreated, AuditActions.PetitionOpened, AuditActions.PetitionClosed, AuditActions.PetitionDelivered })
            Assert.Contains(audit, e => e.Action == action && e.Target == AuditTargets.Petition(slug));
    }

    [Fact]
    public async Task TwoEditorsChangingDifferentFields_TheConflictScreenShowsEachFieldThatDiffers_AndTheTextIsTheSame()
    {
        var (first, firstEmail) = await factory.EditorAsync();
        var (second, _) = await factory.EditorAsync();
        var (id, _) = await factory.CreatePetitionAsync(NewTitle("Two editors"), goal: 3000);
        var edit = $"/admin/petitions/edit/{id}";
        var secondForm = await second.GetDocumentAsync(edit);
        const string editForm = "main form.form:not([action])";
        using (var saved = await first.SubmitFormAsync(edit, Html.Values(("Input.Goal", "5000")), editForm, "button[formaction*='handler=Save']"))
            Assert.Contains("Saved.", (await saved.ReadDocumentAsync()).Status());

        using var stale = await second.SubmitAsync(secondForm.Form(editForm), edit, Html.Values(("Input.AddressedTo", "The Prime Minister")), "button[formaction*='handler=Save']");

        var conflict = await stale.ReadDocumentAsync();
        Assert.Contains($"{firstEmail} saved this petition at", conflict.ErrorSummary());
        var rows = conflict.QuerySelectorAll(".conflict-fields tbody tr").ToDictionary(r => r.QuerySelector("th")!.Text(), r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList());
        Assert.Equal(["5000", "3000"], rows["Signature goal"]);
        Assert.Equal([Recipient, "The Prime Minister"], rows["Addressed to"]);
        Assert.Equal(2, rows.Count);
        Assert.Contains("The text itself is the same as theirs: only the fields above differ", conflict.QuerySelector("section.conflict")!.Text());
        // Nothing of the second editor's was saved; the first's goal stands.
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((5000, Recipient), (stored.Goal, stored.AddressedTo));
    }

    [Fact]
    public async Task StrikingOutASignature_TakesItOutOfTheCount_WithTheReasonInTheAuditLog()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Strike out"));
        var visitor = factory.CreateClient();
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("real"), name: "Real Person", showName: true));
        var fake = Visitor.NewAddress("fake");
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(fake, name: "Fake Person", showName: true));
        var fakeId = (await factory.SignaturesAsync(id)).Single(s => s.Email == fake).Id;
        var list = $"/admin/petitions/signatures/{id}";

        var confirmed = await editor.GetDocumentAsync(list + "?status=Confirmed&q=fake");
        Assert.Single(confirmed.QuerySelectorAll("tbody tr"));
        // The editor sees the name as readers of the petition see it, beside the one given.
        var column = confirmed.QuerySelectorAll("thead th").Select(th => th.Text()).ToList().IndexOf("On the page as");
        Assert.Equal("Fake P.", confirmed.QuerySelectorAll("tbody tr td")[column].Text());
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("quiet"), name: "Quiet Person"));
        Assert.Equal("Not shown", (await editor.GetDocumentAsync(list + "?q=quiet")).QuerySelectorAll("tbody tr td")[column].Text());
        using var struck = await editor.SubmitAsync((Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(confirmed.QuerySelector("tbody form"))), list,
            Html.Values(("reason", "Same IP as 40 others, invented name")));

        Assert.Contains("struck out", (await struck.ReadDocumentAsync()).Status());
        Assert.Equal(SignatureStatus.StruckOut, (await factory.SignaturesAsync(id)).Single(s => s.Id == fakeId).Status);
        var entry = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignatureStruckOut && e.Target == AuditTargets.Signature(fakeId));
        Assert.Equal(editorEmail, entry.ActorName);
        Assert.Contains("Same IP as 40 others, invented name", entry.Details);
        var page = await visitor.GetDocumentAsync($"/petitions/{slug}");
        Assert.Equal("2 signatures", page.QuerySelector(".petition-count")!.Text());
        Assert.DoesNotContain("Fake", page.QuerySelector("main")!.Text());
        Assert.Contains("Struck out: Same IP", (await editor.GetDocumentAsync(list + "?status=StruckOut")).QuerySelector("tbody")!.Text());
    }

    [Fact]
    public async Task TheExport_HasNameCountryAndDate_EmailsOnlyWhenTicked_AndIsAudited()
    {
        var (editor, _) = await factory.EditorAsync();
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Export"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("exported");
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(email, name: "=HYPERLINK(\"x\") Khan", country: "MY"));
        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(Visitor.NewAddress("pending")));
        var today = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd");

        var withoutEmailsBytes = await editor.GetByteArrayAsync($"/admin/petitions/export/{id}");
        var withEmails = await editor.GetStringAsync($"/admin/petitions/export/{id}?emails=true");

        // UTF-8's byte order mark first, or Excel reads the names in the computer's own code page.
        Assert.Equal([0xEF, 0xBB, 0xBF], withoutEmailsBytes[..3]);
        var withoutEmails = System.Text.Encoding.UTF8.GetString(withoutEmailsBytes, 3, withoutEmailsBytes.Length - 3);
        var rows = withoutEmails.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,country,signed_on", rows[0]);
        // Only the confirmed signature, and a name that would be a spreadsheet formula is escaped.
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("\"'=HYPERLINK", rows[1]);
        Assert.EndsWith($",MY,{today}", rows[1]);
        Assert.DoesNotContain(email, withoutEmails);
        var emailRows = withEmails.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,country,signed_on,email", emailRows[0]);
        Assert.EndsWith($",MY,{today},{email}", emailRows[1]);
        var exports = (await factory.AuditEntriesAsync()).Where(e => e.Action == AuditActions.PetitionSignaturesExported && e.Target == AuditTargets.Petition(slug)).ToList();
        Assert.Equal(["with emails", "without emails"], exports.Select(e => e.Details).Order());
    }

    [Fact]
    public async Task AClosingDateYearsOff_IsToldBesideTheField_AndNothingIsCreated()
    {
        var (editor, _) = await factory.EditorAsync();
        var title = NewTitle("Closing in the year 9999");
        var before = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.CountAsync());

        // The signers' erasure, scheduled days after the closing date, left DateTime's range: an error page.
        using var created = await editor.SubmitFormAsync("/admin/petitions/create", Html.Values(("Input.Title", title), ("Input.AddressedTo", Recipient),
            ("Input.Goal", "500"), ("Input.Body", "We ask."), ("Input.ClosesAt", "9999-12-31T23:00")), submitter: "button[formaction*='handler=Publish']");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = await created.ReadDocumentAsync();
        Assert.Equal("Choose a date in the years 2000 to 2199.", page.FieldError("Input.ClosesAt"));
        Assert.Equal(title, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.Title']")!.Value);
        Assert.Equal(before, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.CountAsync()));
    }

    [Fact]
    public async Task PetitionPages_AreEditorsOnly()
    {
        var (id, _) = await factory.CreatePetitionAsync(NewTitle("Guarded"));
        var anonymous = factory.CreateNonRedirectingClient();
        foreach (var url in new[] { "/admin/petitions", $"/admin/petitions/signatures/{id}", $"/admin/petitions/export/{id}?emails=true" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath);
        }
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PetitionSignaturesExported && e.ActorName != "system" && e.Target!.Contains("guarded"));
    }
}
