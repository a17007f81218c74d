using Kubemate.Sandbox.Protobuf;

namespace Kubemate.Sandbox.Tests.Protobuf;

public class KubeProtobufTests
{
    [Theory]
    [InlineData("v1", "ConfigMap")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    [InlineData("authorization.k8s.io/v1", "SelfSubjectAccessReview")]
    [InlineData("authentication.k8s.io/v1", "SelfSubjectReview")]
    public void Kinds_kubectl_sends_as_protobuf_are_supported(string apiVersion, string kind) =>
        Assert.True(KubeProtobuf.IsSupported(apiVersion, kind));

    [Theory]
    [InlineData("batch/v1", "Job")]
    [InlineData("v1", "Pod")]
    [InlineData("apps/v1beta1", "Deployment")]
    public void Other_kinds_are_not(string apiVersion, string kind) =>
        Assert.False(KubeProtobuf.IsSupported(apiVersion, kind));

    [Fact]
    public void Every_supported_kind_decodes_an_empty_object()
    {
        foreach (var name in ProtobufKinds.Names)
        {
            var (apiVersion, kind) = (name.Split(' ')[0], name.Split(' ')[1]);

            var decoded = KubeProtobuf.Decode(ProtoBuilder.Envelope(apiVersion, kind, new ProtoBuilder()));

            Assert.Equal(kind, (string?)decoded["kind"]);
            Assert.Equal(apiVersion, (string?)decoded["apiVersion"]);
        }
    }

    [Fact]
    public void A_body_without_the_magic_prefix_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode("{\"kind\":\"ConfigMap\"}"u8));

        Assert.Contains("k8s\\0", error.Message);
    }

    [Fact]
    public void An_unsupported_kind_is_named_together_with_the_supported_ones()
    {
        var body = ProtoBuilder.Envelope("batch/v1", "Job", new ProtoBuilder());

        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode(body));

        Assert.Contains("Job (batch/v1)", error.Message);
        Assert.Contains("apps/v1 Deployment", error.Message);
        Assert.Contains("application/json", error.Message);
    }

    [Fact]
    public void An_envelope_without_type_information_is_rejected()
    {
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtoBuilder().StringField(2, "").ToArray()];

        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode(body));

        Assert.Contains("apiVersion and kind", error.Message);
    }

    [Fact]
    public void An_unknown_envelope_field_is_rejected()
    {
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtoBuilder().StringField(9, "x").ToArray()];

        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode(body));

        Assert.Contains("unknown field 9", error.Message);
    }

    [Fact]
    public void A_compressed_envelope_is_rejected()
    {
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtoBuilder()
            .MessageField(1, new ProtoBuilder().StringField(1, "v1").StringField(2, "ConfigMap"))
            .StringField(3, "gzip")
            .ToArray()];

        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode(body));

        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void Malformed_object_data_names_the_kind_and_the_field()
    {
        var raw = new ProtoBuilder().MessageField(1, new ProtoBuilder().StringField(1, "x")).VarintField(7, 1);

        var error = Assert.Throws<FormatException>(() => KubeProtobuf.Decode(ProtoBuilder.Envelope("v1", "ConfigMap", raw)));

        Assert.StartsWith("malformed protobuf v1 ConfigMap", error.Message);
        Assert.Contains("field number 7", error.Message);
    }

    [Fact]
    public void Kind_and_api_version_lead_the_decoded_object()
    {
        var raw = new ProtoBuilder().MessageField(1, new ProtoBuilder().StringField(1, "x")).MapEntry(2, "a", "b");

        var decoded = KubeProtobuf.Decode(ProtoBuilder.Envelope("v1", "ConfigMap", raw));

        Assert.Equal("""{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"},"data":{"a":"b"}}""", decoded.ToJsonString());
    }
}
