using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Accounts;

/// <summary>A new password typed twice, as the setup, reset and change-password forms take it.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters (and at most 256).")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}
