using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.Testimonials;

public partial class PublicationNoticeTests(PickupFolderFactory factory) : IClassFixture<PickupFolderFactory>
{
    [GeneratedRegex(@"https://localhost/testimonials/withdraw\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex WithdrawLink();

    private Task<MimeMessage> WaitForMailToAsync(string to) => Mailbox.WaitForEmailInFolderAsync(factory.PickupFolder, to);

    [Fact]
    public async Task Approval_EmailsThePublicationNotice_ThenForgetsTheAddress_AndTheNoticeLinkWithdraws()
    {
        var values = TestimonialTestSupport.Valid("Notice Person");
        values["Input.Email"] = "notice.person@example.org";
        values["Input.NotifyOnPublish"] = "true";
        await factory.ShareAsync(factory.CreateClient(), values);
        var stored = await factory.FindAsync("Notice Person");
        Assert.Equal("notice.person@example.org", stored!.Email);

        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        await editor.SubmitFormAsync("/admin/testimonials?status=Pending", submitter: $"button[name=row][value='Approve:{stored.Id}']");

        var notice = await WaitForMailToAsync("notice.person@example.org");
        Assert.Contains("published", notice.Subject);
        Assert.NotNull(notice.TextBody);
        Assert.NotNull(notice.HtmlBody);
        var link = WithdrawLink().Match(notice.TextBody).Value;
        Assert.NotEmpty(link);
        var afterApproval = await factory.FindAsync("Notice Person");
        Assert.Null(afterApproval!.Email);
        Assert.NotNull(afterApproval.NotifiedAt);

        var visitor = factory.CreateClient();
        Assert.Contains("Notice Person", await visitor.GetStringAsync("/testimonials"));
        var withdrawPage = await visitor.GetDocumentAsync(link);
        Assert.Contains("Notice Person", withdrawPage.QuerySelector("main")!.Text());
        Assert.NotNull(await factory.FindAsync("Notice Person"));

        using var withdrawn = await visitor.SubmitAsync(withdrawPage.Form(), link);
        Assert.Equal("Your testimonial is withdrawn", (await withdrawn.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        Assert.Null(await factory.FindAsync("Notice Person"));
        Assert.DoesNotContain("Notice Person", await visitor.GetStringAsync("/testimonials"));
        // "Removed from our records": the audit log keeps that it was approved and withdrawn, not the name.
        var entries = (await factory.AuditEntriesAsync()).Where(e => e.Target == AuditTargets.Testimonial(stored.Id)).ToList();
        Assert.Equal([AuditActions.TestimonialApproved, AuditActions.TestimonialWithdrawn], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Null(e.Details));
    }

    [Fact]
    public async Task ForgedWithdrawLink_ChangesNothing()
    {
        var id = await factory.AddAsync("Not Withdrawn", TestimonialStatus.Approved);
        var visitor = factory.CreateClient();

        var page = await visitor.GetDocumentAsync("/testimonials/withdraw?token=AAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal("This link does not work", page.QuerySelector("h1")!.Text());
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.NotNull(await factory.FindAsync("Not Withdrawn"));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task RejectedSubmittersEmail_IsErased30DaysAfterRejection()
    {
        var values = TestimonialTestSupport.Valid("Rejected Notice");
        values["Input.Email"] = "rejected.notice@example.org";
        values["Input.NotifyOnPublish"] = "true";
        await factory.ShareAsync(factory.CreateClient(), values);
        var stored = await factory.FindAsync("Rejected Notice");
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        await editor.SubmitFormAsync("/admin/testimonials?status=Pending", submitter: $"button[name=row][value='Reject:{stored!.Id}']");
        var maintenance = factory.Services.GetRequiredService<Maintenance>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await maintenance.RunOnceAsync();
        Assert.Equal("rejected.notice@example.org", (await factory.FindAsync("Rejected Notice"))!.Email);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await maintenance.RunOnceAsync();
        var after = await factory.FindAsync("Rejected Notice");
        Assert.Null(after!.Email);
        Assert.Equal(TestimonialConsent.Text, after.ConsentText);
        var leftInOutbox = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.CountAsync(m => m.To == "rejected.notice@example.org"));
        Assert.Equal(0, leftInOutbox);
    }
}
