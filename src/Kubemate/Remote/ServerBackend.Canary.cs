using System.Text.Json;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Apply;
using Api = Kubemate.Client;

namespace Kubemate.Remote;

/// <summary>
/// Canary releases through the server's REST API (<c>kubemate canary</c>): the server's controller runs them and its
/// telemetry judges them, so these calls have no direct mode. Answers are the API's views, printed as they are.
/// </summary>
public sealed partial class ServerBackend
{
    public Task<IReadOnlyList<Api.CanarySummaryView>> ListCanariesAsync(string? ns, CancellationToken cancellationToken) =>
        CallAsync("GET api/v1/canaries", ct => _api.ListCanariesAsync(ns, ct), cancellationToken);

    public Task<Api.CanaryDetailView> GetCanaryAsync(string ns, string name, CancellationToken cancellationToken) =>
        CallAsync($"GET api/v1/namespaces/{ns}/canaries/{name}", ct => _api.GetCanaryAsync(ns, name, null, ct), cancellationToken);

    /// <summary>The dry run with its diff and the preview to apply (null when the dry run failed), and how many traffic objects the controller will write.</summary>
    public async Task<(ChangeSetResult DryRun, string? PreviewId, int TrafficObjects)> PreviewCanaryAsync(string ns, string name, CanaryReleaseSpec spec,
        CancellationToken cancellationToken)
    {
        try
        {
            var preview = await CallAsync($"POST api/v1/namespaces/{ns}/canaries/preview", ct => _api.PreviewCanaryAsync(ns, Request(name, spec), ct),
                cancellationToken).ConfigureAwait(false);
            return (new ChangeSetResult(ServerModels.Objects(preview.Objects)), preview.PreviewId, preview.Traffic.Count);
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            return (new ChangeSetResult(objects), null, 0);
        }
    }

    public async Task<ChangeSetResult> ApplyCanaryAsync(string ns, string previewId, bool force, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await CallAsync($"POST api/v1/namespaces/{ns}/canaries/apply",
                ct => _api.ApplyCanaryAsync(ns, new Api.CanaryApplyRequest { PreviewId = previewId, Force = force }, ct), cancellationToken).ConfigureAwait(false);
            return new ChangeSetResult(ServerModels.Objects(applied.Objects));
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            return new ChangeSetResult(objects);
        }
    }

    public Task<string> ExportCanaryAsync(string ns, string name, CanaryReleaseSpec spec, CancellationToken cancellationToken) =>
        CallAsync($"POST api/v1/namespaces/{ns}/canaries/export", ct => _api.ExportCanaryYamlAsync(ns, Request(name, spec), ct), cancellationToken);

    public Task<Api.CanaryActionView> ActOnCanaryAsync(string ns, string name, string action, CancellationToken cancellationToken) =>
        CallAsync($"POST api/v1/namespaces/{ns}/canaries/{name}/actions",
            ct => _api.ActOnCanaryAsync(ns, name, new Api.CanaryActionRequest { Action = action }, ct), cancellationToken);

    public Task<Api.CanaryActionView> SetCanaryWeightAsync(string ns, string name, int weight, CancellationToken cancellationToken) =>
        CallAsync($"PUT api/v1/namespaces/{ns}/canaries/{name}/weight",
            ct => _api.SetCanaryWeightAsync(ns, name, new Api.CanaryWeightRequest { Weight = weight }, ct), cancellationToken);

    /// <summary>The spec as the resource spells it, read into the generated request type (the API takes the resource's spec).</summary>
    private static Api.CanaryReleaseRequest Request(string name, CanaryReleaseSpec spec) => new()
    {
        Name = name,
        Spec = JsonSerializer.Deserialize<Api.CanaryReleaseSpec>(JsonSerializer.SerializeToUtf8Bytes(spec, CanaryJson.Options), Api.KubemateApiClient.DocumentJson)
            ?? throw new InvalidOperationException("a spec always serializes to an object"),
    };
}
