using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Testing.Durability;

/// <summary>
/// What the sandbox acknowledged, per object: the exact bytes of its last acknowledged create or replace, or null
/// after an acknowledged delete. A write whose answer never came (the process died) is kept as in flight, with the
/// spec it sent, until the next restart shows whether it landed.
/// </summary>
public sealed class DurabilityLedger
{
    private readonly Dictionary<string, byte[]?> _acknowledged = [];
    private readonly Dictionary<string, JsonNode?> _inFlight = [];
    private int _writes;

    public int Acknowledged
    {
        get
        {
            lock (_acknowledged)
            {
                return _writes;
            }
        }
    }

    public int Names
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count + _inFlight.Count;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_acknowledged)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>The acknowledged bytes of <paramref name="name"/>, or null when it does not (or no longer) exist.</summary>
    public byte[]? Current(string name)
    {
        lock (_acknowledged)
        {
            return _acknowledged.GetValueOrDefault(name);
        }
    }

    public void Acknowledge(string name, byte[]? body)
    {
        lock (_acknowledged)
        {
            _acknowledged[name] = body;
            _writes++;
        }
    }

    /// <summary>A write sent without an answer: it may have landed (with <paramref name="sentSpec"/>, or deleted when null) or not.</summary>
    public void Unanswered(string name, JsonNode? sentSpec)
    {
        lock (_acknowledged)
        {
            _inFlight[name] = sentSpec;
        }
    }

    /// <summary>Reads every known object back; returns what differs from what was acknowledged.</summary>
    public async Task<List<string>> CheckAsync(HttpClient http, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, byte[]?>> expected;
        List<KeyValuePair<string, JsonNode?>> unanswered;
        lock (_acknowledged)
        {
            expected = [.. _acknowledged];
            unanswered = [.. _inFlight];
            _inFlight.Clear();
        }
        var losses = new List<string>();
        var unansweredNames = unanswered.Select(u => u.Key).ToHashSet();
        foreach (var (name, body) in expected.Where(e => !unansweredNames.Contains(e.Key)))
        {
            var (status, actual) = await GetAsync(http, name, cancellationToken);
            if (body is null && status != HttpStatusCode.NotFound)
            {
                losses.Add($"{name}: deleted and acknowledged, but answers {(int)status}");
            }
            else if (body is not null && (status != HttpStatusCode.OK || !actual.AsSpan().SequenceEqual(body)))
            {
                losses.Add($"{name}: acknowledged ({body.Length} bytes) but answers {(int)status} with {actual.Length} different bytes");
            }
        }
        foreach (var (name, sentSpec) in unanswered)
        {
            var before = expected.FirstOrDefault(e => e.Key == name).Value;
            var (status, actual) = await GetAsync(http, name, cancellationToken);
            var now = status == HttpStatusCode.OK ? actual : null;
            var landed = sentSpec is null
                ? now is null
                : now is not null && JsonNode.DeepEquals(JsonNode.Parse(now, documentOptions: JsonLimits.Stored)!["spec"], sentSpec);
            var untouched = before is null ? now is null : now is not null && now.AsSpan().SequenceEqual(before);
            if (!landed && !untouched)
            {
                losses.Add($"{name}: a write in flight at the kill left neither the state before it nor the one it sent ({(int)status})");
            }
            lock (_acknowledged)
            {
                _acknowledged[name] = now; // known from here on
            }
        }
        return losses;
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(HttpClient http, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(http, name, cancellationToken);
        }
        catch (HttpRequestException)
        {
            // A read is safe to repeat: a connection dropped under a loaded machine is not a lost write. A sandbox
            // that is gone fails again here, and the run fails with its output.
            return await ReadAsync(http, name, cancellationToken);
        }
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> ReadAsync(HttpClient http, string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{RandomBlobs.Collection}/{name}", cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
