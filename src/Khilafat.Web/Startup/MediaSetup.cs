using Khilafat.Web.Media;
using Khilafat.Web.Options;

namespace Khilafat.Web.Startup;

public static class MediaSetup
{
    /// <summary>The media library: its settings, the processor, the file store (replace <see cref="IMediaStore"/> for a shared one) and the readers' pictures.</summary>
    public static IServiceCollection AddSiteMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<IMediaStore, FileMediaStore>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaPictures>();
        return services;
    }
}
