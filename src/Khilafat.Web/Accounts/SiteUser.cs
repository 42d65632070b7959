using Microsoft.AspNetCore.Identity;

namespace Khilafat.Web.Accounts;

/// <summary>An editor's or admin's account. Visitors have none: there is no public registration.</summary>
public class SiteUser : IdentityUser
{
    /// <summary>A disabled account cannot sign in, and its open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>The two roles, and the policies built on them.</summary>
public static class Roles
{
    /// <summary>Everything, accounts and settings included.</summary>
    public const string Admin = "Admin";

    /// <summary>Pages, FAQ, testimonials and subscribers; not accounts or settings.</summary>
    public const string Editor = "Editor";

    public static readonly string[] All = [Admin, Editor];
}

public static class Policies
{
    /// <summary>Editors and Admins: every page under /Admin.</summary>
    public const string Editor = "Editor";

    /// <summary>Admins only: accounts, the audit log, settings, backups.</summary>
    public const string Admin = "Admin";
}
