using System.Net.Http.Headers;
using System.Text.Json;

namespace Kubemate.Client;

/// <summary>
/// The two answers the generator cannot type, both YAML streams: <c>POST /api/v1/changesets/apply</c> with <c>gitops: true</c> answers its 200 as <c>application/yaml</c> (the document
/// says so), but the generator types an operation's 200 by its JSON content only. This is the same operation with the
/// generated request body and the generated client's settings, reading the YAML answer as text; and a canary release's export.
/// </summary>
public partial class KubemateApiClient
{
    public virtual async Task<string> ExportGitOpsAsync(ChangeSetApplyRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Gitops != true)
        {
            throw new ArgumentException("a GitOps export sends gitops: true", nameof(body));
        }
        return await PostForYamlAsync("api/v1/changesets/apply", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /api/v1/namespaces/{ns}/canaries/export</c>: the release as a YAML stream for a GitOps repository (the
    /// generated <c>ExportCanaryAsync</c> would read the <c>application/yaml</c> answer as JSON).
    /// </summary>
    public virtual Task<string> ExportCanaryYamlAsync(string ns, CanaryReleaseRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PostForYamlAsync($"api/v1/namespaces/{Uri.EscapeDataString(ns)}/canaries/export", body, cancellationToken);
    }

    /// <summary>Posts the generated request body with the generated client's settings and reads the YAML answer as text.</summary>
    private async Task<string> PostForYamlAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonSerializerSettings)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/yaml"));
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value);
            throw new ApiException($"The HTTP status code of the response was not expected ({(int)response.StatusCode}).", (int)response.StatusCode, text, headers, null);
        }
        return text;
    }
}
