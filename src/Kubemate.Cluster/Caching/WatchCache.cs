using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Caching;

/// <summary>
/// An in-memory copy of one resource kind kept current by list + watch: each watch resumes from the last
/// resource version (advanced by bookmarks too), ends after a timeout and is reopened; on 410 Gone the cache
/// re-lists; errors back off exponentially with jitter. Readers get immutable snapshots.
/// </summary>
public sealed class WatchCache : IAsyncDisposable
{
    private readonly ClusterApi _api;
    private readonly string? _namespace;
    private readonly WatchCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private ImmutableDictionary<string, JsonObject> _items = ImmutableDictionary<string, JsonObject>.Empty;
    private Task? _loop;
    private int _lists;
    private int _watches;

    public WatchCache(ClusterApi api, ResourceType type, string? ns = null, WatchCacheOptions? options = null, TimeProvider? time = null)
    {
        _api = api;
        Type = type;
        _namespace = ns;
        _options = options ?? new WatchCacheOptions();
        _time = time ?? TimeProvider.System;
    }

    public ResourceType Type { get; }

    /// <summary>The objects as of the last event applied.</summary>
    public IReadOnlyCollection<JsonObject> Items => Volatile.Read(ref _items).Values.ToList();

    /// <summary>The resource version the next watch resumes from.</summary>
    public string? ResourceVersion { get; private set; }

    /// <summary>How many full lists were made: one at start, one more per recovery from 410 Gone.</summary>
    public int ListCount => Volatile.Read(ref _lists);

    /// <summary>How many watch requests were opened (each resumes where the previous one ended).</summary>
    public int WatchCount => Volatile.Read(ref _watches);

    /// <summary>The last error the watch loop recovered from (or a subscriber threw), for health reporting.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Raised on the watch loop for every change; keep handlers short.</summary>
    public event Action<WatchCacheChange>? Changed;

    public JsonObject? Get(string? ns, string name) => Volatile.Read(ref _items).GetValueOrDefault(Key(ns, name));

    /// <summary>Lists once (errors such as 403 surface here), then keeps watching in the background until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException($"the cache of {Type.Plural} is already started");
        }
        await ListAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Completes when the snapshot satisfies the condition (checked now and after every change).</summary>
    public async Task WaitForAsync(Func<IReadOnlyCollection<JsonObject>, bool> condition, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(Items))
            {
                reached.TrySetResult();
            }
        }
        void OnChanged(WatchCacheChange _) => Check();
        Changed += OnChanged;
        try
        {
            Check();
            await reached.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Changed -= OnChanged;
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        var relist = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (relist)
                {
                    await ListAsync(stop).ConfigureAwait(false);
                    relist = false;
                }
                await WatchAsync(stop).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LastError = error;
                relist |= error is ResourceVersionExpiredException;
                try
                {
                    await Task.Delay(Backoff.Delay(failures++, _options.InitialBackoff, _options.MaxBackoff), _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var fresh = ImmutableDictionary.CreateBuilder<string, JsonObject>();
        string? next = null;
        string? version;
        do
        {
            var query = $"?limit={_options.PageSize}" + (next is null ? "" : $"&continue={Uri.EscapeDataString(next)}");
            var page = await _api.SendAsync(HttpMethod.Get, Type.CollectionPath(_namespace) + query, null, null, cancellationToken).ConfigureAwait(false);
            foreach (var item in (page["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var obj = (JsonObject)item.DeepClone();
                obj["apiVersion"] ??= Type.ApiVersion;
                obj["kind"] ??= Type.Kind;
                fresh[KeyOf(obj)] = obj;
            }
            version = (string?)page["metadata"]?["resourceVersion"];
            next = (string?)page["metadata"]?["continue"] is { Length: > 0 } token ? token : null;
        }
        while (next is not null);

        var previous = Volatile.Read(ref _items);
        var current = fresh.ToImmutable();
        Volatile.Write(ref _items, current);
        ResourceVersion = version;
        Interlocked.Increment(ref _lists);
        foreach (var (key, obj) in current)
        {
            if (!previous.TryGetValue(key, out var old))
            {
                Raise(new WatchCacheChange(WatchCacheChangeType.Added, obj));
            }
            else if (VersionOf(old) != VersionOf(obj))
            {
                Raise(new WatchCacheChange(WatchCacheChangeType.Modified, obj));
            }
        }
        foreach (var (key, obj) in previous.Where(p => !current.ContainsKey(p.Key)))
        {
            Raise(new WatchCacheChange(WatchCacheChangeType.Deleted, obj));
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        var timeout = _options.WatchTimeout * (1 + Random.Shared.NextDouble());
        var seconds = Math.Max(1, (int)timeout.TotalSeconds);
        var path = $"{Type.CollectionPath(_namespace)}?watch=true&timeoutSeconds={seconds}"
            + (_options.AllowBookmarks ? "&allowWatchBookmarks=true" : "")
            + (ResourceVersion is null ? "" : $"&resourceVersion={Uri.EscapeDataString(ResourceVersion)}");
        // A connection that silently dies never ends the stream; this guard does, a little after the server should have.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, guard.Token);
        Interlocked.Increment(ref _watches);
        using var response = await _api.SendRawAsync(HttpMethod.Get, path, null, null, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            throw new ResourceVersionExpiredException($"watch of {Type.Plural} from {ResourceVersion}: 410 Gone");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw ClusterApiException.FromStatus(response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false));
        }
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false));
        while (await reader.ReadLineAsync(linked.Token).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Apply(JsonNode.Parse(line, documentOptions: JsonLimits.Stored) as JsonObject ?? throw new InvalidDataException($"watch of {Type.Plural}: event is not a JSON object"));
            }
        }
    }

    private void Apply(JsonObject watchEvent)
    {
        var type = (string?)watchEvent["type"];
        var obj = watchEvent["object"] as JsonObject ?? throw new InvalidDataException($"watch of {Type.Plural}: {type} event without an object");
        watchEvent.Remove("object");
        switch (type)
        {
            case "ERROR":
                var code = (int?)obj["code"] ?? 500;
                if (code == (int)HttpStatusCode.Gone)
                {
                    throw new ResourceVersionExpiredException($"watch of {Type.Plural}: {(string?)obj["message"]}");
                }
                throw ClusterApiException.FromStatus((HttpStatusCode)code, obj.ToJsonString());
            case "BOOKMARK":
                ResourceVersion = VersionOf(obj) ?? ResourceVersion;
                return;
            case "ADDED" or "MODIFIED":
                ImmutableInterlocked.Update(ref _items, (items, o) => items.SetItem(KeyOf(o), o), obj);
                ResourceVersion = VersionOf(obj) ?? ResourceVersion;
                Raise(new WatchCacheChange(type == "ADDED" ? WatchCacheChangeType.Added : WatchCacheChangeType.Modified, obj));
                return;
            case "DELETED":
                ImmutableInterlocked.Update(ref _items, (items, o) => items.Remove(KeyOf(o)), obj);
                ResourceVersion = VersionOf(obj) ?? ResourceVersion;
                Raise(new WatchCacheChange(WatchCacheChangeType.Deleted, obj));
                return;
            default:
                throw new InvalidDataException($"watch of {Type.Plural}: unknown event type \"{type}\"");
        }
    }

    private void Raise(WatchCacheChange change)
    {
        try
        {
            Changed?.Invoke(change);
        }
        catch (Exception error)
        {
            // A failing subscriber must not stop the cache for everyone else.
            LastError = error;
        }
    }

    private static string? VersionOf(JsonObject obj) => (string?)obj["metadata"]?["resourceVersion"];

    private static string KeyOf(JsonObject obj) => Key((string?)obj["metadata"]?["namespace"], (string?)obj["metadata"]?["name"] ?? "");

    private static string Key(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
