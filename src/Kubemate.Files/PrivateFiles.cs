namespace Kubemate.Files;

/// <summary>
/// Files only Kubemate's own user may read: folders 0700 and files 0600 on Unix. Audit records, Secrets in the
/// sandbox's snapshot and journal, and the audit key must never be world-readable. On Windows the user profile's
/// ACLs already apply and these calls only create.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder (and missing parents) as 0700. An existing folder is left as it is: it may be a shared one
    /// such as /tmp that an <c>--audit</c> path points into.
    /// </summary>
    public static string CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateFolderMode);
        }
        return path;
    }

    /// <summary>A data directory that belongs to Kubemate alone (<c>--data-dir</c>, <c>~/.kubemate</c>): created, and narrowed to 0700 when it exists.</summary>
    public static string OwnFolder(string path)
    {
        CreateFolder(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, PrivateFolderMode);
        }
        return path;
    }

    /// <summary>Narrows an existing file to 0600 (files made before Kubemate cared, or by a library that ignores modes).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, PrivateFileMode);
        }
    }

    /// <summary><see cref="FileStreamOptions"/> that create a new file as 0600 from its first byte.</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share = FileShare.Read, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options, BufferSize = 4096 };
        if (!OperatingSystem.IsWindows() && mode is not (FileMode.Open or FileMode.Truncate))
        {
            result.UnixCreateMode = PrivateFileMode;
        }
        return result;
    }

    /// <summary>Opens or creates a 0600 file; an existing one is narrowed to 0600 too.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share = FileShare.Read, FileOptions options = FileOptions.None)
    {
        var stream = new FileStream(path, Options(mode, access, share, options));
        Restrict(path);
        return stream;
    }

    /// <summary>True when group or others may read, write or enter it.</summary>
    public static bool IsWiderThanPrivate(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0;
}
