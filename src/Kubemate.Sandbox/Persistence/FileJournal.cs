using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Files;
using Kubemate.Sandbox.Storage;
using Microsoft.Win32.SafeHandles;

namespace Kubemate.Sandbox.Persistence;

/// <summary>
/// Durable store state in a data directory: <c>snapshot.json</c> (replaced atomically by rename) plus
/// <c>journal.log</c>, one JSON line per committed write. <see cref="Append"/> returns only once the line is on disk
/// (written at the journal's end and fsynced), and the store acknowledges a write only after that, so a SIGKILL or
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
    private long _length;
    private Exception? _broken;

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
        FsyncDirectory();
        return state;
    }

    /// <summary>
    /// Writes the event's line at the end of the journal and fsyncs it. A failed write is cut off again, so the
    /// journal never holds a half line before later ones; if even that fails, the journal refuses every later write.
    /// </summary>
    public void Append(StoreEvent storeEvent)
    {
        if (_log is null)
        {
            throw new InvalidOperationException("the journal must be loaded before writes");
        }
        if (_broken is not null)
        {
            throw new IOException($"the journal in {_directory} failed and takes no more writes: {_broken.Message}", _broken);
        }
        var bytes = Line(storeEvent);
        try
        {
            RandomAccess.Write(_log, bytes, _length);
            RandomAccess.FlushToDisk(_log);
            _length += bytes.Length;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            try
            {
                RandomAccess.SetLength(_log, _length);
                RandomAccess.FlushToDisk(_log);
            }
            catch (Exception cut) when (cut is IOException or UnauthorizedAccessException)
            {
                _broken = cut;
            }
            throw;
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
