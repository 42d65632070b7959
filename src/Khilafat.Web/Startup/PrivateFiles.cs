using System.Runtime.InteropServices;

namespace Khilafat.Web.Startup;

/// <summary>
/// Everything the site writes is personal data or keys: the database and its -wal and -shm files, backups (and their
/// temporary files), mail in the pickup folder. The process's file-creation mask is set to 077 before any of them
/// is made, so each is created readable by the site's own account only (files 0600, folders 0700), including the
/// files SQLite creates on its own. Files made before this (by an earlier version) keep their modes.
/// </summary>
public static partial class PrivateFiles
{
    private const uint OwnerOnly = 0x3F; // 077: no bits for group and others

    public static void ForThisProcess()
    {
        if (OperatingSystem.IsWindows()) return;
        umask(OwnerOnly);
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint umask(uint mask);
}
