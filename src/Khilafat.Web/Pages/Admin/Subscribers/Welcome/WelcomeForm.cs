using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.MailingList;

namespace Khilafat.Web.Pages.Admin.Subscribers.Welcome;

/// <summary>The welcome email's fields in one language: its subject (the text's title) and its Markdown body.</summary>
public sealed class WelcomeForm
{
    [Required(ErrorMessage = "Enter the subject.")]
    [StringLength(WelcomeEmail.SubjectMaxLength, ErrorMessage = "The subject must be at most {1} characters.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Enter the body.")]
    [StringLength(WelcomeEmail.BodyMaxLength, ErrorMessage = "The body must be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    /// <summary>The version the editor opened (0: not written yet); a save against an older one is a conflict.</summary>
    public int Version { get; set; }

    public TextInput ToInput() => new(Subject ?? "", "", Body ?? "");

    public static WelcomeForm From(TextView? text) => new() { Subject = text?.Working.Title, Body = text?.Working.Body, Version = text?.Version ?? 0 };
}
