using System.Security.Claims;

namespace Khilafat.Web.Audit;

/// <summary>Who is acting, as the audit log and page revisions record it.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");

    public static Actor From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "unknown")
            : new Actor(null, "visitor");
}
