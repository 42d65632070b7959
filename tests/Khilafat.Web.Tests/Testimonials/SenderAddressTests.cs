using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Testimonials;

/// <summary>
/// A testimonial keeps the keyed hash of the address it was sent from only as long as the check for the same words
/// sent twice needs it: kept for an hour, then erased by the hourly maintenance, or at once by an erasure.
/// </summary>
public class SenderAddressTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private HttpClient From(string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(SiteFactory.ClientAddressHeader, address);
        return client;
    }

    private Task<List<Testimonial>> StoredAsync(string displayName) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().Where(t => t.DisplayName == displayName).ToListAsync());

    private Task RunMaintenanceAsync() => factory.Services.GetRequiredService<Maintenance>().RunOnceAsync();

    [Fact]
    public async Task TheHash_IsKeptWithinTheHour_AndMaintenanceErasesItOnceTheHourIsOver()
    {
        var address = IPAddress.Parse("198.51.100.23");
        await factory.ShareAsync(From(address.ToString()), TestimonialTestSupport.Valid("Hour Keeper"));
        var stored = (await factory.FindAsync("Hour Keeper"))!;
        Assert.Equal(["IpHash"], await factory.AddressTracesAsync("Testimonials", stored.Id, address));

        factory.Clock.Advance(TimeSpan.FromMinutes(59));
        await RunMaintenanceAsync();
        Assert.Equal(stored.IpHash, (await factory.FindAsync("Hour Keeper"))!.IpHash);
        // Sent a minute before the first one's hour is over: kept when that one goes.
        var laterAddress = IPAddress.Parse("198.51.100.24");
        await factory.ShareAsync(From(laterAddress.ToString()), TestimonialTestSupport.Valid("Later Sender"));
        var later = (await factory.FindAsync("Later Sender"))!;

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunMaintenanceAsync();

        var after = (await factory.FindAsync("Hour Keeper"))!;
        Assert.Null(after.IpHash);
        Assert.Empty(await factory.AddressTracesAsync("Testimonials", stored.Id, address));
        Assert.Equal((stored.OriginalText, stored.Status), (after.OriginalText, after.Status));
        Assert.Equal(["IpHash"], await factory.AddressTracesAsync("Testimonials", later.Id, laterAddress));
        Assert.Contains(factory.Logs.GetSnapshot(), r => r.Message.StartsWith("Data minimisation: 1 testimonial address hashes and 0 testimonial emails erased", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameWordsSentAgainWithinTenMinutes_FromTheSameAddress_AreKeptOnce_EvenAfterMaintenanceRan()
    {
        var sender = From("198.51.100.31");
        var words = TestimonialTestSupport.Valid("Double Clicker", "The vigil on Friday gave our street its voice back.");
        await factory.ShareAsync(sender, words);
        await RunMaintenanceAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        using var again = await factory.ShareAsync(sender, words);
        Assert.Equal("/testimonials/thanks", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Single(await StoredAsync("Double Clicker"));

        // The same words from another network are someone else's: kept.
        await factory.ShareAsync(From("198.51.100.32"), words);
        Assert.Equal(2, (await StoredAsync("Double Clicker")).Count);
    }

    [Fact]
    public async Task ErasingAPersonsData_ErasesTheHashOfTheirTestimonial_AtOnce()
    {
        var address = IPAddress.Parse("198.51.100.41");
        var values = TestimonialTestSupport.Valid("Erase My Hash");
        values["Input.Email"] = "erase.my.hash@example.org";
        values["Input.NotifyOnPublish"] = "true";
        await factory.ShareAsync(From(address.ToString()), values);
        var stored = (await factory.FindAsync("Erase My Hash"))!;
        Assert.NotNull(stored.IpHash);

        var counts = await factory.WithScopeAsync(sp => sp.GetRequiredService<PersonalData>().EraseAsync("erase.my.hash@example.org", Actor.System));

        Assert.Equal(1, counts!.TestimonialEmails);
        var after = (await factory.FindAsync("Erase My Hash"))!;
        Assert.Equal((null, false), (after.Email, after.NotifyOnPublish));
        Assert.Empty(await factory.AddressTracesAsync("Testimonials", stored.Id, address));
    }
}
