using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Menus;

/// <summary>The layout draws the menus on every page, the error pages too: a menu it cannot read must not take the page down.</summary>
public class MenuFallbackTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task MenusThatCannotBeRead_GiveWayToTheBuiltInOnes_AndThePageStillRenders()
    {
        var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"MenuItems\"");
        }

        var arabic = await client.GetDocumentAsync("/ar/faq");

        Assert.Equal(["البيان", "المستجدات", "الأسئلة الشائعة", "التاريخ", "الشهادات", "انضم"], arabic.QuerySelectorAll("header nav.site-nav a").Select(a => a.Text()));
        Assert.Equal("/ar/privacy", arabic.QuerySelectorAll("footer nav:not(.footer-languages) a")[^1].GetAttribute("href"));
    }
}
