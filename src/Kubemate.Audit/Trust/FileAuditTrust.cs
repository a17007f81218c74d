using System.Text;
using Kubemate.Files;

namespace Kubemate.Audit.Trust;

/// <summary>
/// The key and anchors kept in files: <c>NAME.key</c> (32 random bytes) and <c>NAME.anchors</c> (one signed
/// checkpoint per line, only ever appended), both 0600 in a 0700 folder. A key file that group or others may read is
/// refused: a key anyone can read signs nothing.
/// </summary>
public sealed class FileAuditTrust(string directory, string name) : IAuditTrust
{
    /// <summary>The trust of a SQLite store: <c>audit.db.key</c> and <c>audit.db.anchors</c> next to <c>audit.db</c>.</summary>
    public static FileAuditTrust NextTo(string sqlitePath)
    {
        var full = Path.GetFullPath(sqlitePath);
        return new(Path.GetDirectoryName(full) ?? throw new ArgumentException($"{sqlitePath} has no folder", nameof(sqlitePath)), Path.GetFileName(full));
    }

    /// <summary>The trust of a PostgreSQL store kept in a local folder, named after its server, database and schema.</summary>
    public static FileAuditTrust ForPostgres(string directory, string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = string.Join('-', new[] { "audit-postgresql", builder.Host, builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), builder.Database, builder.SearchPath }
            .Where(part => !string.IsNullOrEmpty(part)));
        return new(directory, string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')));
    }

    public string Directory { get; } = Path.GetFullPath(directory);

    public string KeyPath => Path.Combine(Directory, name + ".key");

    public string AnchorPath => Path.Combine(Directory, name + ".anchors");

    public string Description => $"audit key {KeyPath}";

    public async Task<AuditKey?> ReadKeyAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(KeyPath))
        {
            return null;
        }
        if (PrivateFiles.IsWiderThanPrivate(KeyPath))
        {
            throw new InvalidOperationException(
                $"{KeyPath}: the audit key may be read by group or others (mode {Mode(KeyPath)}); it must be 0600 (chmod 600 {KeyPath}), and if others did read it, treat the trail as unprotected");
        }
        var bytes = await File.ReadAllBytesAsync(KeyPath, cancellationToken);
        if (bytes.Length != AuditKey.Length)
        {
            throw new InvalidOperationException($"{KeyPath}: an audit key is {AuditKey.Length} bytes, this file has {bytes.Length}");
        }
        return new AuditKey(bytes);
    }

    public async Task<AuditKey> CreateKeyAsync(CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(Directory);
        var key = AuditKey.CreateRandom();
        // Written aside and linked into place: two processes racing to make the key both end up with the one that won.
        var temporary = $"{KeyPath}.{Guid.NewGuid():n}.tmp";
        await using (var stream = PrivateFiles.Open(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(key.Bytes.ToArray(), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, KeyPath, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(KeyPath))
        {
            File.Delete(temporary);
            return await ReadKeyAsync(cancellationToken) ?? throw new InvalidOperationException($"{KeyPath} vanished while it was being made");
        }
    }

    public async Task<IReadOnlyList<string>> ReadAnchorLinesAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(AnchorPath))
        {
            return [];
        }
        var lines = await File.ReadAllLinesAsync(AnchorPath, Encoding.UTF8, cancellationToken);
        return lines.Where(line => line.Length > 0).ToList();
    }

    public async Task AppendAnchorLineAsync(string line, CancellationToken cancellationToken)
    {
        // FileMode.Append seeks to the end rather than appending atomically: two writers in one process (the
        // anchoring timer and an explicit anchor) could write at the same offset, so appends to one file take turns.
        var turn = AppendTurns.GetOrAdd(AnchorPath, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PrivateFiles.CreateFolder(Directory);
            await using var stream = PrivateFiles.Open(AnchorPath, FileMode.Append, FileAccess.Write);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            turn.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> AppendTurns = new(StringComparer.Ordinal);

    private static string Mode(string path) => OperatingSystem.IsWindows() ? "?" : Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');
}
