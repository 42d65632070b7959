using System.Text;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Accounts;

public sealed record UserSummary(string Id, string Email, string Role, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled, DateTime CreatedAt, DateTime? LastSignInAt);

/// <summary>
/// The outcome of an account change: done, or refused with a reason. A password link is emailed when email is set up
/// (<see cref="PasswordLinkEmailed"/>); otherwise it is returned in <see cref="PasswordLink"/> for the admin to pass on.
/// </summary>
public sealed record AccountResult(bool Succeeded, string? Error = null, string? PasswordLink = null, string? UserId = null, bool PasswordLinkEmailed = false)
{
    public static AccountResult Fail(string error) => new(false, error);
}

/// <summary>What admins do to accounts: create, change role, disable and enable, issue a password link. Each is audited.</summary>
public sealed class UserAdministration(
    UserManager<SiteUser> users, SiteDbContext db, TimeProvider clock, SiteUrls urls, Outbox outbox, EmailTemplates templates, IEmailTransport transport)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return accounts.Select(u => new UserSummary(
            u.Id, u.Email ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).OrderBy(n => n).FirstOrDefault() ?? "(none)",
            u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt, u.LastSignInAt)).ToList();
    }

    /// <summary>Creates an account with no password yet and returns the link with which its owner sets one.</summary>
    public async Task<AccountResult> CreateAsync(string email, string role, Actor actor, string? password = null)
    {
        if (!Roles.All.Contains(role)) return AccountResult.Fail("Choose a role.");
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null) return AccountResult.Fail("An account with this email already exists.");

        var user = new SiteUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded) return AccountResult.Fail(Describe(created));
        await users.AddToRoleAsync(user, role);
        await db.RecordAsync(clock, actor, AuditActions.AccountCreated, Target(user), $"role {role}");
        return password is null ? await DeliverPasswordLinkAsync(user, newAccount: true) : new AccountResult(true, UserId: user.Id);
    }

    public async Task<AccountResult> ChangeRoleAsync(string userId, string role, Actor actor)
    {
        if (!Roles.All.Contains(role)) return AccountResult.Fail("Choose a role.");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail("There is no such account.");
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role])) return new AccountResult(true, UserId: userId);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastActiveAdminAsync(user))
            return AccountResult.Fail("This is the only active admin. Make another account an admin first.");

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await db.RecordAsync(clock, actor, AuditActions.RoleChanged, Target(user), $"{string.Join(",", current)} -> {role}");
        return new AccountResult(true, UserId: userId);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail("There is no such account.");
        if (user.IsDisabled == disabled) return new AccountResult(true, UserId: userId);
        if (disabled && user.Id == actor.UserId) return AccountResult.Fail("You cannot disable your own account.");
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user))
            return AccountResult.Fail("This is the only active admin. Make another account an admin first.");

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new security stamp ends the account's open sessions at their next check.
        await users.UpdateSecurityStampAsync(user);
        await db.RecordAsync(clock, actor, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, Target(user));
        return new AccountResult(true, UserId: userId);
    }

    /// <summary>A one-time link with which the account's owner sets a new password. Their current password keeps working until then.</summary>
    public async Task<AccountResult> IssuePasswordLinkAsync(string userId, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail("There is no such account.");
        db.Audit(clock, actor, AuditActions.PasswordResetIssued, Target(user));
        return await DeliverPasswordLinkAsync(user, newAccount: false);
    }

    /// <summary>Links one account may be sent with "Forgot your password?" per <see cref="ForgottenPasswordWindow"/>: enough for a lost email, too few to flood a mailbox.</summary>
    public const int ForgottenPasswordLinksPerWindow = 3;

    public static readonly TimeSpan ForgottenPasswordWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// "Forgot your password?": queues a one-time link to the account with this email, when there is one, it is
    /// enabled, and it has had fewer than <see cref="ForgottenPasswordLinksPerWindow"/> in the last hour (counted in
    /// the outbox). The caller answers the same whatever happened here, so that the form does not tell who has an account;
    /// every ask is audited, sent (<see cref="AuditActions.PasswordResetIssued"/>) or not (<see cref="AuditActions.PasswordResetNotSent"/>).
    /// </summary>
    public async Task RequestForgottenPasswordLinkAsync(string email, CancellationToken ct = default)
    {
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        var address = user?.Email ?? email;
        var since = clock.GetUtcNow().UtcDateTime - ForgottenPasswordWindow;
        var sentThisHour = await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.ForgottenPassword && m.To == address && m.CreatedAt >= since, ct);
        var notSent = user is null ? "no such account" : user.IsDisabled ? "the account is disabled"
            : sentThisHour >= ForgottenPasswordLinksPerWindow ? $"{ForgottenPasswordLinksPerWindow} links sent within the hour already" : null;
        if (notSent is not null)
        {
            // Read, written and committed as a link's ask is (the page is the same): answered without a write, an address
            // without an account came back sooner, and the clock told anyone which addresses are editors'.
            db.Audit(clock, new Actor(null, email), AuditActions.PasswordResetNotSent, user is null ? null : Target(user), notSent + "; asked for on the sign-in page");
            await db.SaveChangesAsync(ct);
            return;
        }
        var link = await PasswordLinkAsync(user!);
        db.Audit(clock, new Actor(null, address), AuditActions.PasswordResetIssued, Target(user!), "asked for on the sign-in page");
        outbox.Queue(OutboxKinds.ForgottenPassword, address, templates.ForgottenPassword(address, link));
        await db.SaveChangesAsync(ct);
        outbox.Wake();
    }

    /// <summary>Emails the link when the site can send email; otherwise hands it back for the admin to pass on.</summary>
    private async Task<AccountResult> DeliverPasswordLinkAsync(SiteUser user, bool newAccount)
    {
        var link = await PasswordLinkAsync(user);
        if (!transport.IsConfigured)
        {
            await db.SaveChangesAsync();
            return new AccountResult(true, PasswordLink: link, UserId: user.Id);
        }
        outbox.Queue(OutboxKinds.PasswordLink, user.Email!, templates.PasswordLink(user.Email!, link, newAccount));
        await db.SaveChangesAsync();
        outbox.Wake();
        return new AccountResult(true, UserId: user.Id, PasswordLinkEmailed: true);
    }

    private async Task<string> PasswordLinkAsync(SiteUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return urls.Absolute(SiteUrls.ResetPasswordPath(user.Id, code));
    }

    private async Task<bool> IsLastActiveAdminAsync(SiteUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    internal static string Target(SiteUser user) => AuditTargets.Account(user.Email);

    internal static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
