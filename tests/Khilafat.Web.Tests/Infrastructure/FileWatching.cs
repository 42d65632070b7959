using System.Runtime.CompilerServices;

namespace Khilafat.Web.TestHosts;

/// <summary>
/// Compiled into both test projects (the browser tests link this file). The suites start many hosts (and site
/// processes, which inherit this environment). Each would watch its settings files and web root through inotify, and the machine allows a user 128 inotify instances in all: past that, hosts
/// failed to start. Tests never change those files while a host runs, so hosts here read their settings once and
/// poll for the few files they do watch.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void WithoutInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
