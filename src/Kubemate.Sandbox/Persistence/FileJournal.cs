using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Files;
using Kubemate.Sandbox.Storage;
using Microsoft.Win32.SafeHandles;

namespace Kubemate.Sandbox.Persistence;

/// <summary>
/// Durable store state in a data directory: <c>snapshot.json</c> (replaced atomically by rename) plus
/// <c>journal.log</c>, one JSON line per committed write. The store acknowledges a write only once
/// <see cref="MakeDurable"/> has fsynced its line, so a SIGKILL or
/// power loss at any moment loses nothing that was acknowledged. A line torn by a crash is the final line without
/// its newline: never acknowledged, it is dropped on the next start. Any other line that cannot be read stops the
/// start with the file and line (see <see cref="JournalReplay"/>).
/// </summary>
public sealed class FileJournal : IStoreJournal
{
    private const string SnapshotFile = "snapshot.json";
    private const string JournalFile = "journal.log";
    private static readonly JsonWriterOptions WriterOptions = new() { MaxDepth = JsonLimits.StoredMaxDepth };
    private readonly string _directory;
    private SafeFileHandle? _log;
    private readonly object _syncLock = new();
    private long _length;
    private long _durable;
    private volatile Exception? _broken;

    public FileJournal(string directory)
    {
        _directory = directory;
        PrivateFiles.OwnFolder(directory);
    }

    public RestoredState Load()
    {
        var objects = new Dictionary<ObjectKey, StoredObject>();
        long revision = 0;
        var snapshotPath = Path.Combine(_directory, SnapshotFile);
        if (File.Exists(snapshotPath))
        {
            revision = JournalReplay.ReadSnapshot(snapshotPath, objects);
        }

        var journalPath = Path.Combine(_directory, JournalFile);
        if (File.Exists(journalPath))
        {
            revision = JournalReplay.ReadJournal(journalPath, objects, revision);
        }

        // Start every run from a fresh snapshot and an empty journal: replay stays short and the
        // torn tail (if any) is gone for good.
        var state = new RestoredState(objects.Values.ToList(), revision);
        WriteSnapshot(state);
        _log = File.OpenHandle(journalPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        // Still empty: nothing is written before the journal is private.
        PrivateFiles.Restrict(journalPath);
        _length = 0;
        _durable = 0;
        FsyncDirectory();
        return state;
    }

    /// <summary>
    /// Writes the event's line at the end of the journal, not yet synced. A failed write is cut off again, so the
    /// journal never holds a half line before later ones; if even that fails, the journal refuses every later write.
    /// </summary>
    public long Write(StoreEvent storeEvent)
    {
        if (_log is null)
        {
            throw new InvalidOperationException("the journal must be loaded before writes");
        }
        ThrowIfBroken();
        var bytes = Line(storeEvent);
        var at = Interlocked.Read(ref _length);
        try
        {
            RandomAccess.Write(_log, bytes, at);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            try
            {
                RandomAccess.SetLength(_log, at);
                RandomAccess.FlushToDisk(_log);
            }
            catch (Exception cut) when (cut is IOException or UnauthorizedAccessException)
            {
                _broken = cut;
            }
            throw;
        }
        Interlocked.Exchange(ref _length, at + bytes.Length);
        return at + bytes.Length;
    }

    /// <summary>
    /// Group commit: one fsync covers every line written before it started, so writers waiting together pay for one
    /// sync instead of one each. A failed sync breaks the journal: lines after the last good sync may or may not be on
    /// disk, and their writes were answered with an error (as a real API server's timed-out write may still land).
    /// </summary>
    public void MakeDurable(long length)
    {
        if (_log is null)
        {
            throw new InvalidOperationException("the journal must be loaded before writes");
        }
        lock (_syncLock)
        {
            if (_durable >= length)
            {
                return;
            }
            ThrowIfBroken();
            var written = Interlocked.Read(ref _length);
            try
            {
                RandomAccess.FlushToDisk(_log);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _broken = error;
                throw;
            }
            _durable = written;
        }
    }

    public long DurableLength
    {
        get
        {
            lock (_syncLock)
            {
                return _durable;
            }
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken is { } broken)
        {
            throw new IOException($"the journal in {_directory} failed and takes no more writes: {broken.Message}", broken);
        }
    }

    private static byte[] Line(StoreEvent storeEvent)
    {
        var line = new JsonObject
        {
            ["t"] = storeEvent.Type == StoreEventType.Deleted ? "del" : "put",
            ["r"] = storeEvent.Object.Key.Resource,
            ["n"] = storeEvent.Object.Key.Namespace,
            ["m"] = storeEvent.Object.Key.Name,
            ["v"] = storeEvent.Revision,
        };
        if (storeEvent.Type != StoreEventType.Deleted)
        {
            line["o"] = storeEvent.Object.Object.DeepClone();
        }
        using var buffer = new MemoryStream();
        // The writer refuses what the replay could not read back (it reads with the same depth).
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            line.WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private void WriteSnapshot(RestoredState state)
    {
        var array = new JsonArray();
        foreach (var stored in state.Objects)
        {
            array.Add(new JsonObject
            {
                ["r"] = stored.Key.Resource,
                ["n"] = stored.Key.Namespace,
                ["m"] = stored.Key.Name,
                ["v"] = stored.ResourceVersion,
                ["o"] = stored.Object.DeepClone(),
            });
        }
        var snapshot = new JsonObject { ["revision"] = state.Revision, ["objects"] = array };
        var temporary = Path.Combine(_directory, SnapshotFile + ".tmp");
        using (var stream = PrivateFiles.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                snapshot.WriteTo(writer);
            }
            stream.Flush(true);
        }
        File.Move(temporary, Path.Combine(_directory, SnapshotFile), overwrite: true);
        FsyncDirectory();
    }

    private void FsyncDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // A rename is durable only once its directory entry is; opening the directory read-only and fsyncing it does that.
        try
        {
            using var handle = File.OpenHandle(_directory, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            RandomAccess.FlushToDisk(handle);
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _log = null;
    }
}
