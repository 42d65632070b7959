using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Users;

public class EditModel(UserAdministration accounts) : PageModel, IPageMeta
{
    public UserSummary Account { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A password link just issued; shown once, here.</summary>
    [TempData]
    public string? PasswordLink { get; set; }

    public string Title => "Account: " + Account.Email;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var account = (await accounts.ListAsync(ct)).FirstOrDefault(a => a.Id == id);
        if (account is null) return NotFound();
        Account = account;
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string id, string role) =>
        DoAsync(id, () => accounts.ChangeRoleAsync(id, role, Actor.From(User)), $"The role is now {role}.");

    public Task<IActionResult> OnPostDisableAsync(string id) =>
        DoAsync(id, () => accounts.SetDisabledAsync(id, true, Actor.From(User)), "The account is disabled: it cannot sign in, and its open sessions end at once.");

    public Task<IActionResult> OnPostEnableAsync(string id) =>
        DoAsync(id, () => accounts.SetDisabledAsync(id, false, Actor.From(User)), "The account is enabled again.");

    public async Task<IActionResult> OnPostPasswordLinkAsync(string id)
    {
        var result = await accounts.IssuePasswordLinkAsync(id, Actor.From(User));
        if (!result.Succeeded) return NotFound();
        PasswordLink = result.PasswordLink;
        StatusMessage = result.PasswordLinkEmailed
            ? "A new password link is emailed to the account. The current password keeps working until the link is used."
            : "A new password link is ready below. The current password keeps working until the link is used.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> DoAsync(string id, Func<Task<AccountResult>> action, string done)
    {
        var result = await action();
        StatusMessage = result.Succeeded ? done : result.Error;
        return RedirectToPage(new { id });
    }
}
