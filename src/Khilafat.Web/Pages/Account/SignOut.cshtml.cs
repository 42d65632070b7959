using Khilafat.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Account;

/// <summary>Signing out is a POST (from the admin header); a GET shows the button, so a link cannot sign anyone out.</summary>
public class SignOutModel(SignInFlow signIn) : PageModel, IPageMeta
{
    public string Title => "Sign out";
    public bool NoIndex => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User);
        return Redirect("/");
    }
}
