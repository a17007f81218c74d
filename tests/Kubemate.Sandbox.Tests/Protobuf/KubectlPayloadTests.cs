using System.Text.Json.Nodes;
using Kubemate.Sandbox.Protobuf;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests.Protobuf;

/// <summary>Request bodies recorded from kubectl 1.32 (see Payloads/README.md) decode to the JSON kubectl would send.</summary>
public class KubectlPayloadTests
{
    public static string PayloadDirectory => Path.Combine(RepoPaths.Root, "tests", "Kubemate.Sandbox.Tests", "Protobuf", "Payloads");

    public static IReadOnlyList<string> PayloadNames() =>
        [.. Directory.GetFiles(PayloadDirectory, "*.pb").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Payloads() => [.. PayloadNames()];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Captured_kubectl_body_decodes_to_the_json_kubectl_would_send(string name)
    {
        var body = File.ReadAllBytes(Path.Combine(PayloadDirectory, name + ".pb"));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(PayloadDirectory, name + ".json")))!;

        var decoded = KubeProtobuf.Decode(body);

        // Compared as text, so property order matters too.
        Assert.Equal(expected.ToJsonString(), decoded.ToJsonString());
    }

    [Fact]
    public void Every_command_the_brief_names_has_a_captured_payload()
    {
        string[] required = ["configmap", "namespace", "secret", "deployment", "can-i", "can-i-list", "whoami"];

        var names = PayloadNames();

        Assert.All(required, name => Assert.Contains(name, names));
    }
}
