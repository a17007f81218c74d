using System.Text.Json.Nodes;
using Kubemate.Sandbox.Protobuf;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests.Protobuf;

/// <summary>
/// Runs the installed kubectl against <see cref="KubectlCaptureServer"/> and checks that what it sends as protobuf
/// decodes to what it prints with <c>--dry-run=client -o json</c>. With KUBEMATE_REFRESH_PROTOBUF_PAYLOADS=1 the
/// captures are also written to Payloads/.
/// </summary>
public class KubectlLiveCaptureTests(KubectlCaptureServer server) : IClassFixture<KubectlCaptureServer>
{
    private static readonly byte[] Blob = [.. "hello"u8.ToArray(), 0x00, 0xFF];

    /// <summary>Payload name, kubectl arguments, and whether kubectl can print the same object with a client dry run.</summary>
    private static readonly Dictionary<string, (string[] Arguments, bool DryRun)> Commands = new()
    {
        ["configmap"] = (["create", "configmap", "x", "--from-literal=a=b"], true),
        ["configmap-binary"] = (["create", "configmap", "bin", "--from-file=blob={blob}", "--from-literal=z=y"], true),
        ["namespace"] = (["create", "namespace", "n"], true),
        ["secret"] = (["create", "secret", "generic", "s", "--from-literal=k=v"], true),
        ["secret-docker"] = (["create", "secret", "docker-registry", "reg", "--docker-server=registry.example.com", "--docker-username=u", "--docker-password=p"], true),
        ["serviceaccount"] = (["create", "serviceaccount", "sa"], true),
        ["service"] = (["create", "service", "nodeport", "web", "--tcp=80:8080", "--node-port=30080"], true),
        ["service-clusterip"] = (["create", "service", "clusterip", "api", "--tcp=443:8443", "--tcp=80"], true),
        ["service-externalname"] = (["create", "service", "externalname", "db", "--external-name=db.example.com"], true),
        ["service-headless"] = (["create", "service", "clusterip", "hl", "--clusterip=None"], true),
        ["deployment"] = (["create", "deployment", "d", "--image=nginx", "--replicas=2", "--port=80"], true),
        ["deployment-multi"] = (["create", "deployment", "multi", "--image=nginx", "--image=busybox:1.36"], true),
        ["role"] = (["create", "role", "r", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=a"], true),
        ["clusterrole"] = (["create", "clusterrole", "cr", "--verb=get", "--resource=pods", "--non-resource-url=/healthz"], true),
        ["clusterrole-aggregated"] = (["create", "clusterrole", "agg", "--aggregation-rule=rbac.example.com/aggregate=true"], true),
        ["rolebinding"] = (["create", "rolebinding", "rb", "--role=r", "--user=alice", "--group=devs", "--serviceaccount=default:sa"], true),
        ["clusterrolebinding"] = (["create", "clusterrolebinding", "crb", "--clusterrole=cr", "--user=bob"], true),
        ["can-i"] = (["auth", "can-i", "create", "pods", "-n", "x"], false),
        ["can-i-sub"] = (["auth", "can-i", "get", "pods", "--subresource=log", "-n", "x"], false),
        ["can-i-nonresource"] = (["auth", "can-i", "get", "/healthz"], false),
        ["can-i-list"] = (["auth", "can-i", "--list", "-n", "x"], false),
        ["whoami"] = (["auth", "whoami"], false),
        ["token"] = (["create", "token", "sa", "--audience=api", "--duration=1h"], false),
    };

    public static TheoryData<string> CommandNames() => [.. Commands.Keys];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Kubectl_protobuf_body_decodes_to_the_json_it_would_send(string name)
    {
        var blobPath = Path.Combine(server.WorkDirectory.FullName, "blob.bin");
        await File.WriteAllBytesAsync(blobPath, Blob);
        var (template, dryRun) = Commands[name];
        string[] arguments = ["--cache-dir", server.CacheDirectory, .. template.Select(argument => argument.Replace("{blob}", blobPath))];
        var kubectl = new Kubectl(server.KubeconfigPath);
        server.Clear();

        // kubectl's exit code is not the point: the capture server's replies are minimal.
        var run = await kubectl.RunAsync(arguments);

        var bodies = server.Requests.Where(request => request.Body.Length > 0).ToList();
        Assert.True(bodies.Count == 1, $"expected one request body from kubectl, got {bodies.Count}; {run}");
        Assert.Equal(KubeProtobuf.MediaType, bodies[0].ContentType);
        var decoded = KubeProtobuf.Decode(bodies[0].Body);
        var expected = dryRun
            ? JsonNode.Parse(await kubectl.Ok([.. arguments, "--dry-run=client", "-o", "json"]))!
            : JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(KubectlPayloadTests.PayloadDirectory, name + ".json")))!;
        Assert.Equal(expected.ToJsonString(), decoded.ToJsonString());

        if (Environment.GetEnvironmentVariable("KUBEMATE_REFRESH_PROTOBUF_PAYLOADS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(KubectlPayloadTests.PayloadDirectory, name + ".pb"), bodies[0].Body);
            if (dryRun)
            {
                await File.WriteAllTextAsync(Path.Combine(KubectlPayloadTests.PayloadDirectory, name + ".json"), await kubectl.Ok([.. arguments, "--dry-run=client", "-o", "json"]));
            }
        }
    }
}
