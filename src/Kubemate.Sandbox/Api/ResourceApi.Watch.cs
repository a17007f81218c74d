using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    private static readonly TimeSpan DefaultWatchTimeout = TimeSpan.FromMinutes(30);

    private async Task Watch(ApiRequest request)
    {
        var filter = ListFilter.FromQuery(request);
        var fromRevision = ParseWatchRevision(request);
        var ns = request.Type.Namespaced && request.Info.Namespace.Length > 0 ? request.Info.Namespace : null;
        var timeout = ParseTimeout(request);
        var bookmarks = request.Query["allowWatchBookmarks"].FirstOrDefault() == "true";
        var singleName = request.Info.Name.Length > 0 ? request.Info.Name : null;

        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";

        StoreWatch watch;
        try
        {
            watch = store.Watch(request.Type.StorageKey, ns, fromRevision);
        }
        catch (ExpiredException ex)
        {
            var gone = ApiError.Gone($"too old resource version: {ex.Requested} ({ex.Oldest})");
            await WriteEvent(request, "ERROR", gone.ToStatus());
            return;
        }

        using (watch)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted);
            timeoutSource.CancelAfter(timeout);
            var token = timeoutSource.Token;
            await response.StartAsync(token);
            // Send the headers now: clients (client-go's reflector) wait for them before reading any event.
            await response.Body.FlushAsync(token);
            var lastRevision = watch.StartRevision;
            using var bookmarkTimer = bookmarks ? new PeriodicTimer(options.BookmarkInterval, clock) : null;
            Task<bool>? bookmarkTick = bookmarkTimer?.WaitForNextTickAsync(token).AsTask();
            try
            {
                while (!token.IsCancellationRequested)
                {
                    var next = watch.Events.WaitToReadAsync(token).AsTask();
                    var finished = bookmarkTick is null ? await next : await Task.WhenAny(next, bookmarkTick) == next ? await next : (bool?)null;
                    if (finished is null)
                    {
                        await WriteEvent(request, "BOOKMARK", Bookmark(request, Math.Max(lastRevision, store.Revision)));
                        bookmarkTick = bookmarkTimer!.WaitForNextTickAsync(token).AsTask();
                        continue;
                    }
                    if (finished == false)
                    {
                        break;
                    }
                    while (watch.Events.TryRead(out var storeEvent))
                    {
                        lastRevision = storeEvent.Revision;
                        if (singleName is not null && storeEvent.Object.Key.Name != singleName)
                        {
                            continue;
                        }
                        var type = EventTypeAfterFilter(storeEvent, filter);
                        if (type is null)
                        {
                            continue;
                        }
                        if (request.WantsTable)
                        {
                            await WriteEvent(request, type, TableConverter.ToTable(request.Type, [storeEvent.Object.Object], storeEvent.Revision, IncludeObject(request), Now));
                        }
                        else
                        {
                            await WriteRawEvent(request, type, storeEvent.Object.Json);
                        }
                    }
                    await response.Body.FlushAsync(token);
                }
            }
            catch (OperationCanceledException)
            {
                // Client went away or the watch timed out: both end the stream normally.
            }
        }
    }

    /// <summary>
    /// An object that stops matching the selectors is reported as DELETED and one that starts matching as ADDED,
    /// as the apiserver's watch cache does.
    /// </summary>
    private static string? EventTypeAfterFilter(StoreEvent storeEvent, ListFilter filter)
    {
        if (filter.IsEmpty)
        {
            return Name(storeEvent.Type);
        }
        var now = storeEvent.Type != StoreEventType.Deleted && filter.Matches(storeEvent.Object.Object);
        var before = storeEvent.Previous is not null && filter.Matches(storeEvent.Previous.Object);
        return storeEvent.Type switch
        {
            StoreEventType.Added => now ? "ADDED" : null,
            StoreEventType.Deleted => filter.Matches(storeEvent.Object.Object) ? "DELETED" : null,
            _ => (before, now) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
    }

    private static string Name(StoreEventType type) => type switch
    {
        StoreEventType.Added => "ADDED",
        StoreEventType.Modified => "MODIFIED",
        _ => "DELETED",
    };

    private static JsonObject Bookmark(ApiRequest request, long revision) => new()
    {
        ["kind"] = request.Type.Kind,
        ["apiVersion"] = request.Type.GroupVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
    };

    private static async Task WriteEvent(ApiRequest request, string type, JsonNode obj) =>
        await WriteRawEvent(request, type, JsonSerializer.SerializeToUtf8Bytes(obj, JsonLimits.StoredSerializer));

    private static async Task WriteRawEvent(ApiRequest request, string type, byte[] objectJson)
    {
        var body = request.Http.Response.Body;
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        await body.WriteAsync(prefix, request.Http.RequestAborted);
        await body.WriteAsync(objectJson, request.Http.RequestAborted);
        await body.WriteAsync(EventEnd, request.Http.RequestAborted);
        if (type is "ERROR" or "BOOKMARK")
        {
            await body.FlushAsync(request.Http.RequestAborted);
        }
    }

    private static readonly byte[] EventEnd = "}\n"u8.ToArray();

    private static long? ParseWatchRevision(ApiRequest request)
    {
        var text = request.Query["resourceVersion"].FirstOrDefault();
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out var revision) || revision < 0)
        {
            throw ApiError.BadRequest($"invalid resource version \"{text}\"");
        }
        return revision;
    }

    private static TimeSpan ParseTimeout(ApiRequest request)
    {
        var text = request.Query["timeoutSeconds"].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultWatchTimeout;
        }
        if (!int.TryParse(text, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            throw ApiError.BadRequest($"invalid timeoutSeconds \"{text}\"");
        }
        return seconds == 0 ? DefaultWatchTimeout : TimeSpan.FromSeconds(seconds);
    }
}
