using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Tests.Protobuf;

/// <summary>One request body as kubectl sent it.</summary>
public sealed record CapturedRequest(string Method, string Path, string? ContentType, byte[] Body);

/// <summary>
/// A loopback HTTPS endpoint that answers kubectl's discovery for the built-in kinds and records every body it is
/// sent, so tests see exactly what kubectl puts on the wire. kubectl only sends bearer tokens over TLS.
/// </summary>
public sealed class KubectlCaptureServer : IAsyncLifetime
{
    private static readonly (string GroupVersion, (string Name, string Kind, bool Namespaced)[] Resources)[] Discovery =
    [
        ("v1", [("configmaps", "ConfigMap", true), ("secrets", "Secret", true), ("namespaces", "Namespace", false),
                ("serviceaccounts", "ServiceAccount", true), ("services", "Service", true), ("pods", "Pod", true)]),
        ("apps/v1", [("deployments", "Deployment", true)]),
        ("rbac.authorization.k8s.io/v1", [("roles", "Role", true), ("rolebindings", "RoleBinding", true),
                ("clusterroles", "ClusterRole", false), ("clusterrolebindings", "ClusterRoleBinding", false)]),
        ("authorization.k8s.io/v1", [("selfsubjectaccessreviews", "SelfSubjectAccessReview", false),
                ("selfsubjectrulesreviews", "SelfSubjectRulesReview", false)]),
        ("authentication.k8s.io/v1", [("selfsubjectreviews", "SelfSubjectReview", false)]),
    ];

    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private WebApplication? _app;

    public DirectoryInfo WorkDirectory { get; } = Directory.CreateTempSubdirectory("kubemate-protobuf-capture-");

    public string KubeconfigPath => Path.Combine(WorkDirectory.FullName, "kubeconfig");

    /// <summary>kubectl's discovery cache, kept out of the user's home.</summary>
    public string CacheDirectory => Path.Combine(WorkDirectory.FullName, "cache");

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public async Task InitializeAsync()
    {
        var certificates = SandboxCertificates.LoadOrCreate(null, TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificates.Serving)));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await File.WriteAllTextAsync(KubeconfigPath, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: capture
              cluster:
                server: {url}
                certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificates.AuthorityPem))}
            users:
            - name: capture
              user:
                token: capture-token
            contexts:
            - name: capture
              context:
                cluster: capture
                user: capture
                namespace: default
            current-context: capture
            """);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && DiscoveryDocument(request.Path.Value ?? "") is { } document)
        {
            await context.Response.WriteAsJsonAsync(document);
            return;
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        _requests.Enqueue(new CapturedRequest(request.Method, request.Path.Value ?? "", request.ContentType, body.ToArray()));
        context.Response.StatusCode = HttpMethods.IsGet(request.Method) ? 404 : 201;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = context.Response.StatusCode == 404 ? "Failure" : "Success",
            ["code"] = context.Response.StatusCode,
        });
    }

    private static JsonObject? DiscoveryDocument(string path)
    {
        if (path == "/api")
        {
            return new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1" }),
            };
        }
        if (path == "/apis")
        {
            var groups = new JsonArray();
            foreach (var (groupVersion, _) in Discovery.Where(entry => entry.GroupVersion.Contains('/')))
            {
                var version = new JsonObject { ["groupVersion"] = groupVersion, ["version"] = groupVersion.Split('/')[1] };
                groups.Add(new JsonObject
                {
                    ["name"] = groupVersion.Split('/')[0],
                    ["versions"] = new JsonArray(version),
                    ["preferredVersion"] = version.DeepClone(),
                });
            }
            return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
        }
        foreach (var (groupVersion, resources) in Discovery)
        {
            if (path == (groupVersion == "v1" ? "/api/v1" : $"/apis/{groupVersion}"))
            {
                var list = new JsonArray();
                foreach (var (name, kind, namespaced) in resources)
                {
                    list.Add(new JsonObject
                    {
                        ["name"] = name,
                        ["singularName"] = kind.ToLowerInvariant(),
                        ["namespaced"] = namespaced,
                        ["kind"] = kind,
                        ["verbs"] = new JsonArray("create", "get", "list", "watch", "update", "patch", "delete"),
                    });
                }
                return new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = groupVersion, ["resources"] = list };
            }
        }
        return null;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        WorkDirectory.Delete(recursive: true);
    }
}
