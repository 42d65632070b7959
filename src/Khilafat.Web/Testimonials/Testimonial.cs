namespace Khilafat.Web.Testimonials;

public enum TestimonialStatus { Pending = 0, Approved = 1, Rejected = 2, Spam = 3 }

/// <summary>A supporter's words about the movement. Nothing shows publicly until an editor approves it.</summary>
public class Testimonial
{
    public const int NameMaxLength = 80;
    public const int PlaceMaxLength = 80;
    public const int TextMinLength = 20;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Place { get; set; }

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; set; }

    /// <summary>The words exactly as submitted; kept even when an editor corrects a typo.</summary>
    public required string OriginalText { get; set; }

    /// <summary>The editor-corrected text, when there is one; the public site shows this instead of the original.</summary>
    public string? EditedText { get; set; }

    public string Language { get; set; } = "en";

    public TestimonialStatus Status { get; set; }
    public bool IsFeatured { get; set; }

    /// <summary>Why it was queued as likely spam ("honeypot", "posted too fast", "contains a link", "blocklisted word: ...").</summary>
    public string? SpamReason { get; set; }

    public DateTime SubmittedAt { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }

    /// <summary>Only for the publication notice, and only if they asked for it; erased once it has served (or 30 days after rejection).</summary>
    public string? Email { get; set; }
    public bool NotifyOnPublish { get; set; }
    public DateTime? NotifiedAt { get; set; }

    public required string ConsentVersion { get; set; }
    public required string ConsentText { get; set; }
    public DateTime ConsentGivenAt { get; set; }

    /// <summary>
    /// A keyed hash of the submitter's IP, never the address itself: for recognising the same words sent twice
    /// (<see cref="TestimonialService.ResentWithin"/>), and erased after <see cref="Privacy.Maintenance.KeepTestimonialIpHashFor"/>.
    /// </summary>
    public string? IpHash { get; set; }

    public string Text => EditedText ?? OriginalText;
}
