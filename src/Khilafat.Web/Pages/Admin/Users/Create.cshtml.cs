using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Users;

public class CreateModel(UserAdministration accounts) : PageModel, IPageMeta
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title => "New account";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await accounts.CreateAsync(Input.Email, Input.Role, Actor.From(User));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Error!.Contains("role", StringComparison.OrdinalIgnoreCase) ? "Input.Role" : "Input.Email", result.Error);
            return Page();
        }
        TempData["PasswordLink"] = result.PasswordLink;
        TempData[StatusMessages.Key] = result.PasswordLinkEmailed
            ? $"The account {Input.Email} is created, and a link to choose a password is emailed to it."
            : $"The account {Input.Email} is created.";
        return RedirectToPage("Edit", new { id = result.UserId });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the email of the person.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email must be at most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [RegularExpression("^(Admin|Editor)$", ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Editor;
    }
}
