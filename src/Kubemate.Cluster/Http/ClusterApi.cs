using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Cluster.Http;

/// <summary>
/// Generic JSON requests through the official client's HTTP pipeline (its TLS, credentials and delegating
/// handlers such as impersonation), so core kinds and custom resources take one path as plain objects.
/// </summary>
public sealed class ClusterApi(Kubernetes client) : IDisposable
{
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>The typed client underneath, for calls that have a typed form.</summary>
    public Kubernetes Client { get; } = client;

    /// <summary>GET that returns null on 404 instead of failing.</summary>
    public async Task<JsonObject?> GetOrNullAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends a request with an optional JSON body and returns the JSON answer; non-2xx becomes <see cref="ClusterApiException"/>.</summary>
    public async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, contentType, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ClusterApiException.FromStatus(response.StatusCode, text);
        }
        return JsonNode.Parse(text, documentOptions: JsonLimits.Stored) as JsonObject
            ?? throw new ClusterApiException(response.StatusCode, "InvalidResponse", $"{method} {path}: the server did not answer with a JSON object", []);
    }

    /// <summary>Sends a request and hands back the response unread (for watch streams); the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, JsonNode? body, string? contentType,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Resolve(path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }
        if (Client.Credentials is not null)
        {
            await Client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await Client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private Uri Resolve(string path)
    {
        var root = Client.BaseUri.ToString();
        return new Uri(root.EndsWith('/') ? root + path.TrimStart('/') : root + "/" + path.TrimStart('/'));
    }

    public void Dispose() => Client.Dispose();
}
