using System.Text.Json.Nodes;

namespace Kubemate.Host.Tests.Support;

/// <summary>One server-sent event as it arrived: its id, event name and JSON data.</summary>
public sealed record ServerSentEvent(string? Id, string? Event, JsonObject Data);

/// <summary>Reads a <c>text/event-stream</c> to its end, as a browser's EventSource would parse it.</summary>
public static class EventStreamReader
{
    public static async Task<IReadOnlyList<ServerSentEvent>> ReadAllAsync(ApiClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<ServerSentEvent>();
        string? id = null, name = null, data = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    events.Add(new ServerSentEvent(id, name, (JsonObject)JsonNode.Parse(data)!));
                }
                (id, name, data) = (null, null, null);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = data is null ? line[6..] : data + "\n" + line[6..];
            }
        }
        return events;
    }
}
