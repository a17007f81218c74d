using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Cluster.Http;

/// <summary>
/// Requests by REST path, for this project's typed accessors only: Kubernetes paths are built in Kubemate.Cluster
/// and nowhere else, and every write other projects cause is one of its named methods (docs/architecture.md).
/// </summary>
internal static class ClusterRequests
{
    /// <summary>GET that returns null on 404 instead of failing.</summary>
    public static async Task<JsonObject?> GetOrNullAsync(this ClusterApi api, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends a request with an optional JSON body and returns the JSON answer; non-2xx becomes <see cref="ClusterApiException"/>.</summary>
    public static async Task<JsonObject> SendAsync(this ClusterApi api, HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        using var response = await api.SendRawAsync(method, path, body, contentType, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ClusterApiException.FromStatus(response.StatusCode, text);
        }
        return JsonNode.Parse(text, documentOptions: JsonLimits.Stored) as JsonObject
            ?? throw new ClusterApiException(response.StatusCode, "InvalidResponse", $"{method} {path}: the server did not answer with a JSON object", []);
    }

    /// <summary>Sends a request and hands back the response unread (for watch streams); the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(this ClusterApi api, HttpMethod method, string path, JsonNode? body, string? contentType,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, api.Resolve(path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }
        if (api.Client.Credentials is not null)
        {
            await api.Client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await api.Client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }
}
