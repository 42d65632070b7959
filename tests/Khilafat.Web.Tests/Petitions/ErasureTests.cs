using Khilafat.Web.Audit;
using Khilafat.Web.Jobs;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Petitions.PetitionTestSupport;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>Data minimisation: Petitions:EraseSignersAfterDays after closing, signers' names and emails go; the count and the delivery record stay.</summary>
public class ErasureTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task AfterTheSettingsDays_TheJobErasesNamesAndEmails_AndKeepsTheCountCountriesAndDates()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Erase later"));
        var visitor = factory.CreateClient();
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("first"), name: "Amina Khan", country: "PK", showName: true));
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("second"), name: "Omar Farouk", country: "EG"));
        await factory.WithScopeAsync(async sp => Assert.Equal(PetitionStateChange.Done, await sp.GetRequiredService<PetitionEditor>().CloseAsync(id, Actor.System)));
        var closedAt = factory.Clock.GetUtcNow().UtcDateTime;

        // A day short of the 180: nothing is erased yet.
        factory.Clock.Advance(TimeSpan.FromDays(179));
        await factory.RunDueJobsAsync();
        Assert.All(await factory.SignaturesAsync(id), s => Assert.NotNull(s.Email));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();

        var signatures = await factory.SignaturesAsync(id);
        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s =>
        {
            Assert.Null(s.Email);
            Assert.Null(s.Name);
            Assert.Equal(SignatureStatus.Confirmed, s.Status);
            Assert.True(s.ConfirmedAt <= closedAt);
            Assert.NotNull(s.ErasedAt);
        });
        Assert.Equal(["EG", "PK"], signatures.Select(s => s.Country).Order());
        var page = await visitor.GetDocumentAsync($"/petitions/{slug}");
        Assert.Equal("2 signatures", page.QuerySelector(".petition-count")!.Text());
        Assert.DoesNotContain("Amina", page.QuerySelector("main")!.Text());
        var entry = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PetitionSignersErased && e.Target == AuditTargets.Petition(slug));
        Assert.Equal("system", entry.ActorName);
        Assert.Contains("2 signers", entry.Details);
        // Run again (an instance died before marking it done): nothing more to erase, nothing logged twice.
        await factory.WithScopeAsync(sp => sp.GetRequiredKeyedService<IJobHandler>(JobKinds.ErasePetitionSigners).RunAsync(id.ToString(), default));
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PetitionSignersErased && e.Target == AuditTargets.Petition(slug));
    }

    [Fact]
    public async Task APetitionClosingByItsDate_IsErasedFromThatDate()
    {
        var closesAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(10);
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Closes by date"), closesAt: closesAt);
        var visitor = factory.CreateClient();
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("dated")));

        factory.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal("Signing is closed", (await visitor.GetDocumentAsync($"/petitions/{slug}/sign")).QuerySelector("h1")!.Text());
        factory.Clock.Advance(TimeSpan.FromDays(178));
        await factory.RunDueJobsAsync();
        Assert.All(await factory.SignaturesAsync(id), s => Assert.NotNull(s.Email));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();

        Assert.All(await factory.SignaturesAsync(id), s => Assert.Null(s.Email));
        Assert.Equal("1 signature", await visitor.CountShownAsync(slug));
    }
}
