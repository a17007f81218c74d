using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Audit.Trust;

/// <summary>
/// The key and anchors kept as objects in Kubemate's namespace of the cluster it serves, where the database's owner
/// cannot rewrite them: the key in the Secret <c>NAME-key</c> (data <c>key</c>, 32 bytes), the anchors in the ConfigMap
/// <c>NAME-anchors</c> (data <c>anchors</c>, one line each). Anchors are appended with the resourceVersion read as a
/// precondition and retried on conflict, so replicas appending together keep each other's; the list keeps the first
/// anchor and the newest <see cref="KeptAnchors"/>. Reached with the identity of <paramref name="api"/> (Kubemate's own).
/// </summary>
public sealed class KubernetesAuditTrust : IAuditTrust
{
    public const string DefaultNamespace = "kubemate";
    public const string DefaultName = "kubemate-audit";
    public const int DefaultKeptAnchors = 1000;

    private const string KeyField = "key";
    private const string AnchorsField = "anchors";
    private const int MaxAttempts = 20;

    private readonly ClusterApi api;

    public KubernetesAuditTrust(ClusterApi api, string ns = DefaultNamespace, string name = DefaultName, int keptAnchors = DefaultKeptAnchors)
    {
        ThrowIfNotLabel(ns, nameof(ns));
        ThrowIfNotLabel(name + "-anchors", nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(keptAnchors, 1);
        this.api = api;
        Namespace = ns;
        KeyName = name + "-key";
        AnchorsName = name + "-anchors";
        KeptAnchors = keptAnchors;
    }

    public string Namespace { get; }

    /// <summary>The Secret that holds the key.</summary>
    public string KeyName { get; }

    /// <summary>The ConfigMap that holds the anchors.</summary>
    public string AnchorsName { get; }

    /// <summary>How many of the newest anchors are kept besides the first one.</summary>
    public int KeptAnchors { get; }

    public string Description => $"audit key secret {KeyObject}";

    private string KeyObject => $"{Namespace}/{KeyName}";

    private string AnchorsObject => $"configmap {Namespace}/{AnchorsName}";

    public async Task<AuditKey?> ReadKeyAsync(CancellationToken cancellationToken)
    {
        var secret = await KeyCallAsync("cannot be read", () => api.GetObjectOrNullAsync(BuiltInTypes.Secret, Namespace, KeyName, cancellationToken));
        return secret is null ? null : ParseKey(secret);
    }

    public async Task<AuditKey> CreateKeyAsync(CancellationToken cancellationToken)
    {
        var key = AuditKey.CreateRandom();
        var secret = Object("Secret", KeyName);
        secret["type"] = "Opaque";
        secret["immutable"] = true;
        secret["data"] = new JsonObject { [KeyField] = Convert.ToBase64String(key.Bytes) };
        try
        {
            await KeyCallAsync("cannot be created", () => api.CreateObjectAsync(BuiltInTypes.Secret, Namespace, secret, cancellationToken));
            return key;
        }
        catch (InvalidOperationException error) when (error.InnerException is ClusterApiException { StatusCode: HttpStatusCode.Conflict })
        {
            // Another replica made it first: everyone signs with the one that won.
            return await ReadKeyAsync(cancellationToken) ?? throw new InvalidOperationException($"secret {KeyObject} vanished while it was being made");
        }
    }

    public async Task<IReadOnlyList<string>> ReadAnchorLinesAsync(CancellationToken cancellationToken)
    {
        var map = await AnchorCallAsync(() => api.GetObjectOrNullAsync(BuiltInTypes.ConfigMap, Namespace, AnchorsName, cancellationToken));
        return map is null ? [] : Lines(map);
    }

    public async Task AppendAnchorLineAsync(string line, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var map = await AnchorCallAsync(() => api.GetObjectOrNullAsync(BuiltInTypes.ConfigMap, Namespace, AnchorsName, cancellationToken));
            try
            {
                if (map is null)
                {
                    var created = Object("ConfigMap", AnchorsName);
                    created["data"] = new JsonObject { [AnchorsField] = line + "\n" };
                    await api.CreateObjectAsync(BuiltInTypes.ConfigMap, Namespace, created, cancellationToken);
                }
                else
                {
                    map["data"] = new JsonObject { [AnchorsField] = string.Concat(Kept([.. Lines(map), line]).Select(l => l + "\n")) };
                    await api.ReplaceIfUnchangedAsync(BuiltInTypes.ConfigMap, Namespace, AnchorsName, map, cancellationToken);
                }
                return;
            }
            catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Conflict)
            {
                // Another writer got there first (created it, or appended since the read): read its anchors and go again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
            catch (Exception error) when (error is ClusterApiException or HttpRequestException)
            {
                throw new AuditTrustUnavailableException($"{AnchorsObject}: the anchor cannot be written: {error.Message}", error);
            }
        }
        throw new AuditTrustUnavailableException($"{AnchorsObject}: the anchor was not written: the ConfigMap changed under it {MaxAttempts} times in a row");
    }

    /// <summary>The first anchor (it may hold the last record from before the key) and the newest ones.</summary>
    private List<string> Kept(List<string> lines) =>
        lines.Count <= KeptAnchors + 1 ? lines : [lines[0], .. lines[^KeptAnchors..]];

    private AuditKey ParseKey(JsonObject secret)
    {
        var text = secret["data"]?[KeyField] is JsonValue value && value.TryGetValue<string>(out var found) ? found : null;
        var bytes = new byte[text?.Length ?? 0];
        var length = 0;
        var problem = text is null ? $"it has no data.{KeyField}"
            : !Convert.TryFromBase64String(text, bytes, out length) ? $"its data.{KeyField} is not base64"
            : length != AuditKey.Length ? $"its data.{KeyField} holds {length} bytes, an audit key is {AuditKey.Length}"
            : null;
        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"secret {KeyObject} is not an audit key: {problem}. Kubemate does not replace it: restore the key it held (see docs/audit.md), or delete the Secret only if no record was ever signed with it");
        }
        return new AuditKey(bytes.AsSpan(0, length));
    }

    private static List<string> Lines(JsonObject map) =>
        ((string?)map["data"]?[AnchorsField] ?? "").Split('\n').Where(line => line.Length > 0).ToList();

    private JsonObject Object(string kind, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = Namespace,
            ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "kubemate", ["app.kubernetes.io/component"] = "audit-trust" },
        },
    };

    private async Task<T> KeyCallAsync<T>(string failure, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ClusterApiException error)
        {
            var hint = error.StatusCode == HttpStatusCode.NotFound ? $" (does namespace {Namespace} exist? kubectl create namespace {Namespace})" : "";
            throw new InvalidOperationException($"secret {KeyObject} {failure}: {error.Reason}: {error.Message}{hint}", error);
        }
        catch (HttpRequestException error)
        {
            throw new InvalidOperationException($"secret {KeyObject} {failure}: the cluster cannot be reached: {error.Message}", error);
        }
    }

    private async Task<T> AnchorCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException)
        {
            throw new AuditTrustUnavailableException($"{AnchorsObject}: the anchors cannot be read: {error.Message}", error);
        }
    }

    private static void ThrowIfNotLabel(string value, string field)
    {
        if (NameFormats.IsDns1123Label(value) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"{value}: {string.Join("; ", problems)}", field);
        }
    }
}
