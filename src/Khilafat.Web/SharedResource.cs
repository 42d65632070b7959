namespace Khilafat.Web;

/// <summary>The anchor type for the site's shared UI strings (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource;
