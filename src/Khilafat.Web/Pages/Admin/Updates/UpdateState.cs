namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>What _UpdateState shows.</summary>
public sealed record UpdateState(bool IsPublished, bool HasDraft, bool ShowOnSite, DateTime? PublishAt);
