using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Testing.Durability;

/// <summary>
/// One client writing its own objects one request at a time (creates, replaces with a resourceVersion
/// precondition, deletes) until the sandbox dies under it; every answered write goes to the ledger.
/// </summary>
public sealed class DurabilityWriter(DurabilityLedger ledger, Random random, string prefix, int largeBytes)
{
    private static int _sequence;
    private readonly List<string> _present = [];

    public async Task RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var roll = random.NextDouble();
            var name = _present.Count > 0 && roll < 0.45 ? _present[random.Next(_present.Count)] : $"{prefix}-{Interlocked.Increment(ref _sequence):D6}";
            var current = ledger.Current(name);
            JsonObject? sent = current is null ? RandomBlobs.Create(random, name, largeBytes)
                : roll < 0.30 ? RandomBlobs.Create(random, name, largeBytes, JsonNode.Parse(current, documentOptions: JsonLimits.Stored)!["metadata"]!["resourceVersion"]!.GetValue<string>())
                : null;
            using var request = sent is null
                ? new HttpRequestMessage(HttpMethod.Delete, $"{RandomBlobs.Collection}/{name}")
                : new HttpRequestMessage(current is null ? HttpMethod.Post : HttpMethod.Put, current is null ? RandomBlobs.Collection : $"{RandomBlobs.Collection}/{name}")
                {
                    Content = new StringContent(sent.ToJsonString(), Encoding.UTF8, "application/json"),
                };
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                ledger.Unanswered(name, sent?["spec"]?.DeepClone());
                return; // the sandbox died under this write: it was never acknowledged
            }
            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
                {
                    throw new InvalidOperationException($"{request.Method} {name} was refused: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                }
                ledger.Acknowledge(name, sent is null ? null : body);
                if (sent is null)
                {
                    _present.Remove(name);
                }
                else if (current is null)
                {
                    _present.Add(name);
                }
            }
        }
    }
}
