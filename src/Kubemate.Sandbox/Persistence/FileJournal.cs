using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Files;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Persistence;

/// <summary>
/// Durable store state in a data directory: <c>snapshot.json</c> (replaced atomically by rename) plus
/// <c>journal.log</c>, one JSON line per committed write, flushed to disk before the write is acknowledged.
/// A line torn by a crash is incomplete JSON and is cut off on the next start, so a SIGKILL at any moment
/// loses nothing that was acknowledged and never corrupts what was.
/// </summary>
public sealed class FileJournal : IStoreJournal
{
    private const string SnapshotFile = "snapshot.json";
    private const string JournalFile = "journal.log";
    private readonly string _directory;
    private readonly bool _syncToDisk;
    private FileStream? _log;

    public FileJournal(string directory, bool syncToDisk = true)
    {
        _directory = directory;
        _syncToDisk = syncToDisk;
        PrivateFiles.OwnFolder(directory);
    }

    public RestoredState Load()
    {
        var objects = new Dictionary<ObjectKey, StoredObject>();
        long revision = 0;
        var snapshotPath = Path.Combine(_directory, SnapshotFile);
        if (File.Exists(snapshotPath))
        {
            var snapshot = JsonNode.Parse(File.ReadAllBytes(snapshotPath))!.AsObject();
            revision = snapshot["revision"]!.GetValue<long>();
            foreach (var entry in snapshot["objects"]!.AsArray().OfType<JsonObject>())
            {
                var stored = ReadEntry(entry);
                objects[stored.Key] = stored;
            }
        }

        var journalPath = Path.Combine(_directory, JournalFile);
        if (File.Exists(journalPath))
        {
            revision = Replay(journalPath, objects, revision);
        }

        // Start every run from a fresh snapshot and an empty journal: replay stays short and the
        // torn tail (if any) is gone for good.
        var state = new RestoredState(objects.Values.ToList(), revision);
        WriteSnapshot(state);
        _log = PrivateFiles.Open(journalPath, FileMode.Create, FileAccess.Write, FileShare.Read, FileOptions.WriteThrough);
        FsyncDirectory();
        return state;
    }

    public void Append(StoreEvent storeEvent)
    {
        if (_log is null)
        {
            throw new InvalidOperationException("the journal must be loaded before writes");
        }
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
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        _log.Write(bytes);
        _log.Flush(_syncToDisk);
    }

    private static long Replay(string path, Dictionary<ObjectKey, StoredObject> objects, long revision)
    {
        var content = File.ReadAllBytes(path);
        var start = 0;
        while (start < content.Length)
        {
            var end = Array.IndexOf(content, (byte)'\n', start);
            if (end < 0)
            {
                break; // torn tail: never acknowledged
            }
            JsonObject? line;
            try
            {
                line = JsonNode.Parse(content.AsSpan(start, end - start))?.AsObject();
            }
            catch (JsonException)
            {
                break;
            }
            start = end + 1;
            if (line is null)
            {
                continue;
            }
            var lineRevision = line["v"]!.GetValue<long>();
            if (lineRevision <= revision)
            {
                continue;
            }
            revision = lineRevision;
            var key = new ObjectKey(line["r"]!.GetValue<string>(), line["n"]!.GetValue<string>(), line["m"]!.GetValue<string>());
            if (line["t"]!.GetValue<string>() == "del")
            {
                objects.Remove(key);
            }
            else
            {
                var obj = line["o"]!.AsObject();
                line.Remove("o");
                objects[key] = new StoredObject(key, obj, lineRevision);
            }
        }
        return revision;
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
            using (var writer = new Utf8JsonWriter(stream))
            {
                snapshot.WriteTo(writer);
            }
            stream.Flush(true);
        }
        File.Move(temporary, Path.Combine(_directory, SnapshotFile), overwrite: true);
        FsyncDirectory();
    }

    private static StoredObject ReadEntry(JsonObject entry)
    {
        var key = new ObjectKey(entry["r"]!.GetValue<string>(), entry["n"]!.GetValue<string>(), entry["m"]!.GetValue<string>());
        var obj = entry["o"]!.AsObject();
        entry.Remove("o");
        return new StoredObject(key, obj, entry["v"]!.GetValue<long>());
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
