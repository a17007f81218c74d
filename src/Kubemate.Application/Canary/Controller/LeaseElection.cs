using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// Leader election through a <c>coordination.k8s.io/v1</c> Lease, as Kubernetes' own controllers do: the holder
/// renews it every round; another candidate takes it over only once it has gone unrenewed for its duration. Every
/// write is conditional on the resourceVersion read, so two candidates never both hold it.
/// </summary>
public sealed class LeaseElection(ClusterApi api, string ns, string name, string identity, TimeSpan duration, TimeProvider time)
{
    public string Identity { get; } = identity;

    public TimeSpan Duration { get; } = duration;

    /// <summary>Whether this candidate held the lease after its last round.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Renews or takes the lease when it may; false when another holder's lease is still fresh or a write raced.</summary>
    public async Task<bool> TryLeadAsync(CancellationToken cancellationToken)
    {
        try
        {
            IsLeader = await RoundAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            // Another candidate wrote first (or the lease vanished): not the leader this round.
            IsLeader = false;
        }
        return IsLeader;
    }

    /// <summary>Gives the lease up (on a clean stop), so another replica takes over at once instead of after its duration.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!IsLeader)
        {
            return;
        }
        IsLeader = false;
        try
        {
            var lease = await api.GetObjectOrNullAsync(BuiltInTypes.Lease, ns, name, cancellationToken).ConfigureAwait(false);
            if (lease?["spec"] is JsonObject spec && spec["holderIdentity"]?.GetValue<string>() == Identity)
            {
                spec["holderIdentity"] = null;
                await api.ReplaceIfUnchangedAsync(BuiltInTypes.Lease, ns, name, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ClusterApiException)
        {
            // Best effort: the lease then expires after its duration.
        }
    }

    private async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = await api.GetObjectOrNullAsync(BuiltInTypes.Lease, ns, name, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await api.CreateObjectAsync(BuiltInTypes.Lease, ns, NewLease(now), cancellationToken).ConfigureAwait(false);
            return true;
        }
        var spec = lease["spec"] as JsonObject ?? [];
        var holder = spec["holderIdentity"]?.GetValue<string>();
        var renewed = ParseTime(spec["renewTime"]) ?? ParseTime(spec["acquireTime"]) ?? DateTimeOffset.MinValue;
        var seconds = spec["leaseDurationSeconds"]?.GetValue<int>() ?? (int)Duration.TotalSeconds;
        if (holder != Identity && !string.IsNullOrEmpty(holder) && now - renewed < TimeSpan.FromSeconds(seconds))
        {
            return false;
        }
        if (holder != Identity)
        {
            spec["holderIdentity"] = Identity;
            spec["acquireTime"] = MicroTime(now);
            spec["leaseTransitions"] = (spec["leaseTransitions"]?.GetValue<int>() ?? 0) + 1;
        }
        spec["renewTime"] = MicroTime(now);
        spec["leaseDurationSeconds"] = (int)Duration.TotalSeconds;
        lease["spec"] = spec;
        await api.ReplaceIfUnchangedAsync(BuiltInTypes.Lease, ns, name, lease, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private JsonObject NewLease(DateTimeOffset now) => new()
    {
        ["apiVersion"] = BuiltInTypes.Lease.ApiVersion,
        ["kind"] = BuiltInTypes.Lease.Kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["holderIdentity"] = Identity,
            ["leaseDurationSeconds"] = (int)Duration.TotalSeconds,
            ["acquireTime"] = MicroTime(now),
            ["renewTime"] = MicroTime(now),
            ["leaseTransitions"] = 0,
        },
    };

    private static string MicroTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
