using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>The site with an admin account and something in the admin lists: a pending testimonial, two subscribers.</summary>
public class AdminSite : BrowserSite
{
    public string AdminEmail { get; private set; } = "";
    public int StatementId { get; private set; }
    private string? _adminState;

    protected override async Task SeedAsync()
    {
        AdminEmail = await CreateUserAsync(Roles.Admin);
        StatementId = await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            db.Testimonials.Add(new Testimonial
            {
                DisplayName = "Pending Person", Place = "Karachi", Rating = 4, OriginalText = "Words waiting for an editor, long enough to count.",
                Status = TestimonialStatus.Pending, SubmittedAt = now,
                ConsentVersion = TestimonialConsent.Version, ConsentText = TestimonialConsent.Text, ConsentGivenAt = now,
            });
            foreach (var (email, status) in new[] { ("confirmed@example.org", SubscriberStatus.Confirmed), ("pending@example.org", SubscriberStatus.Pending) })
            {
                db.Subscribers.Add(new Subscriber
                {
                    Email = email, Name = "A Subscriber", Country = "PK", Status = status, CreatedAt = now,
                    Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = now, Source = "/join" },
                });
            }
            await db.SaveChangesAsync();
            return await db.Pages.Where(p => p.Slug == "statement").Select(p => p.Id).SingleAsync();
        });
    }

    /// <summary>The cookies of a signed-in admin, signed in once through the form and reused by each admin test.</summary>
    public async Task<string> AdminStateAsync()
    {
        if (_adminState is not null) return _adminState;
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(AdminEmail);
        return _adminState = await context.StorageStateAsync();
    }
}
