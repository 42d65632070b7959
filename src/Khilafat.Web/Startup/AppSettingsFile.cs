using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Khilafat.Web.Startup;

public static class AppSettingsFile
{
    /// <summary>
    /// The repository keeps one appsettings.json, at its top, and the build copies it beside the app's binaries.
    /// Under `dotnet run` the content root is the project folder, which has no copy: read the one beside the
    /// binaries then, in the same place among the configuration sources, so environment files and variables still win.
    /// </summary>
    public static void UseAppSettingsBesideBinaries(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json"))) return;
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" } original)
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = "appsettings.json",
                    Optional = false,
                    ReloadOnChange = original.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
                return;
            }
        }
    }
}
