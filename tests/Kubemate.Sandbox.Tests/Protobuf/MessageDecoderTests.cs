using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Protobuf;
using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Types;
using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Tests.Protobuf;

public class MessageDecoderTests
{
    private static JsonObject Decode(MessageSchema schema, ProtoBuilder data) =>
        Assert.IsType<JsonObject>(MessageDecoder.Decode(data.ToArray(), schema));

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual?.ToJsonString());

    [Fact]
    public void Zero_values_of_omitempty_fields_are_dropped_but_required_ones_stay()
    {
        // ContainerPort: name (omitempty) empty, hostPort (omitempty) 0, containerPort (no omitempty) 0.
        var port = new ProtoBuilder().StringField(1, "").VarintField(2, 0).VarintField(3, 0).StringField(4, "TCP").StringField(5, "");

        AssertJson("""{"containerPort":0,"protocol":"TCP"}""", Decode(ContainerV1.ContainerPort, port));
    }

    [Fact]
    public void Pointer_fields_keep_a_zero_that_was_sent()
    {
        var spec = new ProtoBuilder().VarintField(1, 0);

        AssertJson("""{"replicas":0,"selector":null}""", Decode(AppsV1.DeploymentSpec, spec));
    }

    [Fact]
    public void Nil_lists_without_omitempty_become_null()
    {
        AssertJson("""{"rules":null}""", Decode(RbacV1.Role, new ProtoBuilder()));
    }

    [Fact]
    public void Negative_int32_fields_decode_as_negative_numbers()
    {
        var probe = new ProtoBuilder().VarintField(2, -5);

        AssertJson("""{"initialDelaySeconds":-5}""", Decode(ContainerV1.Probe, probe));
    }

    [Fact]
    public void Packed_and_unpacked_repeated_integers_decode_alike()
    {
        var packedValues = new ProtoBuilder().Varint(1000).Varint(2000).Varint(unchecked((ulong)-1L)).ToArray();
        var packed = new ProtoBuilder().BytesField(4, packedValues);
        var unpacked = new ProtoBuilder().VarintField(4, 1000).VarintField(4, 2000).VarintField(4, -1);

        AssertJson("""{"supplementalGroups":[1000,2000,-1]}""", Decode(PodV1.PodSecurityContext, packed));
        AssertJson("""{"supplementalGroups":[1000,2000,-1]}""", Decode(PodV1.PodSecurityContext, unpacked));
    }

    [Fact]
    public void Embedded_structs_are_flattened_into_their_parent()
    {
        var handler = new ProtoBuilder().MessageField(2, new ProtoBuilder()
            .StringField(1, "/healthz")
            .MessageField(2, new ProtoBuilder().VarintField(1, 1).VarintField(2, 0).StringField(3, "http"))
            .StringField(3, "")
            .StringField(4, "HTTPS"));
        var probe = new ProtoBuilder().MessageField(1, handler).VarintField(4, 10).VarintField(6, 3);

        AssertJson("""{"httpGet":{"path":"/healthz","port":"http","scheme":"HTTPS"},"periodSeconds":10,"failureThreshold":3}""",
            Decode(ContainerV1.Probe, probe));
    }

    [Fact]
    public void Int_or_string_with_type_zero_is_a_number()
    {
        var socket = new ProtoBuilder().MessageField(1, new ProtoBuilder().VarintField(1, 0).VarintField(2, 8080).StringField(3, ""));

        AssertJson("""{"port":8080}""", Decode(ContainerV1.TcpSocketAction, socket));
    }

    [Fact]
    public void Quantities_and_resource_maps_become_strings()
    {
        var requirements = new ProtoBuilder()
            .MessageField(1, new ProtoBuilder().StringField(1, "cpu").MessageField(2, new ProtoBuilder().StringField(1, "500m")))
            .MessageField(2, new ProtoBuilder().StringField(1, "memory").MessageField(2, new ProtoBuilder().StringField(1, "128Mi")));

        AssertJson("""{"limits":{"cpu":"500m"},"requests":{"memory":"128Mi"}}""", Decode(ContainerV1.ResourceRequirements, requirements));
    }

    [Fact]
    public void Timestamps_are_whole_second_rfc3339_and_the_zero_time_is_null()
    {
        var set = new ProtoBuilder().MessageField(8, new ProtoBuilder().VarintField(1, 1_704_164_645).VarintField(2, 500));
        var zero = new ProtoBuilder().MessageField(8, new ProtoBuilder().VarintField(1, 0).VarintField(2, 0));

        AssertJson("""{"creationTimestamp":"2024-01-02T03:04:05Z"}""", Decode(MetaV1.ObjectMeta, set));
        AssertJson("""{"creationTimestamp":null}""", Decode(MetaV1.ObjectMeta, zero));
    }

    [Fact]
    public void Bytes_maps_become_base64_and_string_maps_stay_text()
    {
        var secret = new ProtoBuilder()
            .MessageField(2, new ProtoBuilder().StringField(1, "key").BytesField(2, [0x00, 0xFF, 0x10]))
            .MapEntry(4, "plain", "text")
            .StringField(3, "Opaque");

        AssertJson("""{"data":{"key":"AP8Q"},"stringData":{"plain":"text"},"type":"Opaque"}""", Decode(CoreV1.Secret, secret));
    }

    [Fact]
    public void A_map_entry_without_a_value_holds_the_zero_value()
    {
        var meta = new ProtoBuilder().MessageField(11, new ProtoBuilder().StringField(1, "empty"));

        AssertJson("""{"labels":{"empty":""}}""", Decode(MetaV1.ObjectMeta, meta));
    }

    [Fact]
    public void Managed_fields_carry_their_raw_json_set()
    {
        var entry = new ProtoBuilder()
            .StringField(1, "kubectl")
            .StringField(2, "Apply")
            .StringField(6, "FieldsV1")
            .MessageField(7, new ProtoBuilder().BytesField(1, Encoding.UTF8.GetBytes("""{"f:data":{".":{}}}""")));
        var meta = new ProtoBuilder().MessageField(17, entry);

        AssertJson("""{"managedFields":[{"manager":"kubectl","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{}}}}]}""",
            Decode(MetaV1.ObjectMeta, meta));
    }

    [Fact]
    public void Extra_values_are_plain_lists()
    {
        var spec = new ProtoBuilder().MessageField(5, new ProtoBuilder()
            .StringField(1, "scopes")
            .MessageField(2, new ProtoBuilder().StringField(1, "a").StringField(1, "b")));

        AssertJson("""{"extra":{"scopes":["a","b"]}}""", Decode(AuthorizationV1.SubjectAccessReviewSpec, spec));
    }

    [Fact]
    public void A_singular_message_sent_twice_is_merged()
    {
        var meta = new ProtoBuilder()
            .MessageField(1, new ProtoBuilder().StringField(1, "first").MapEntry(11, "a", "1"))
            .MessageField(1, new ProtoBuilder().MapEntry(11, "b", "2"));

        AssertJson("""{"metadata":{"name":"first","labels":{"a":"1","b":"2"}}}""", Decode(CoreV1.ConfigMap, meta));
    }

    [Fact]
    public void Unknown_field_numbers_fail_naming_the_message_type_path_and_number()
    {
        var deployment = new ProtoBuilder().MessageField(2, new ProtoBuilder()
            .MessageField(3, new ProtoBuilder().MessageField(2, new ProtoBuilder()
                .MessageField(2, new ProtoBuilder().StringField(1, "app").VarintField(99, 1)))));

        var error = Assert.Throws<FormatException>(() => MessageDecoder.Decode(deployment.ToArray(), AppsV1.Deployment));

        Assert.Contains("spec.template.spec.containers[0]", error.Message);
        Assert.Contains("core/v1 Container", error.Message);
        Assert.Contains("field number 99", error.Message);
    }

    [Fact]
    public void Known_but_unsupported_fields_fail_by_name()
    {
        var podSpec = new ProtoBuilder().MessageField(18, new ProtoBuilder());

        var error = Assert.Throws<FormatException>(() => MessageDecoder.Decode(podSpec.ToArray(), PodV1.PodSpec));

        Assert.Contains("affinity", error.Message);
        Assert.Contains("core/v1 PodSpec", error.Message);
    }

    [Fact]
    public void A_field_with_the_wrong_wire_type_fails()
    {
        var meta = new ProtoBuilder().VarintField(1, 7);

        var error = Assert.Throws<FormatException>(() => MessageDecoder.Decode(meta.ToArray(), MetaV1.ObjectMeta));

        Assert.Contains("name", error.Message);
        Assert.Contains("Varint", error.Message);
    }

    [Fact]
    public void Truncated_nested_data_fails_with_the_field_path()
    {
        var configMap = new ProtoBuilder().Tag(1, WireType.LengthDelimited).Varint(20).Raw(0x0A, 0x01);

        var error = Assert.Throws<FormatException>(() => MessageDecoder.Decode(configMap.ToArray(), CoreV1.ConfigMap));

        Assert.Contains("metadata", error.Message);
        Assert.Contains("runs past the end", error.Message);
    }

    [Fact]
    public void Json_properties_follow_go_struct_order_not_field_numbers()
    {
        // OwnerReference's apiVersion is field 5 but the first Go field.
        var owner = new ProtoBuilder().StringField(1, "ReplicaSet").StringField(3, "rs").StringField(4, "u-1").StringField(5, "apps/v1");

        Assert.Equal("""{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u-1"}""", Decode(MetaV1.OwnerReference, owner).ToJsonString());
    }

    [Fact]
    public void A_pod_template_with_env_volumes_probes_and_security_context_decodes_like_kubectl_json()
    {
        var container = new ProtoBuilder()
            .StringField(1, "app")
            .StringField(2, "registry.local/app:1.0")
            .StringField(4, "--port=8080")
            .MessageField(7, new ProtoBuilder().StringField(1, "MODE").StringField(2, "prod"))
            .MessageField(7, new ProtoBuilder().StringField(1, "TOKEN").StringField(2, "").MessageField(3, new ProtoBuilder()
                .MessageField(4, new ProtoBuilder().MessageField(1, new ProtoBuilder().StringField(1, "creds")).StringField(2, "token"))))
            .MessageField(8, new ProtoBuilder())
            .MessageField(9, new ProtoBuilder().StringField(1, "config").VarintField(2, 1).StringField(3, "/etc/app").StringField(4, "").StringField(6, ""))
            .MessageField(11, new ProtoBuilder()
                .MessageField(1, new ProtoBuilder().MessageField(3, new ProtoBuilder()
                    .MessageField(1, new ProtoBuilder().VarintField(1, 0).VarintField(2, 8080).StringField(3, "")).StringField(2, "")))
                .VarintField(2, 0).VarintField(3, 0).VarintField(4, 5).VarintField(5, 0).VarintField(6, 0))
            .StringField(14, "IfNotPresent")
            .MessageField(15, new ProtoBuilder()
                .MessageField(1, new ProtoBuilder().StringField(2, "ALL"))
                .VarintField(5, 1)
                .VarintField(7, 0))
            .VarintField(16, 0).VarintField(17, 0).VarintField(18, 0);
        var volumes = new ProtoBuilder()
            .StringField(1, "config")
            .MessageField(2, new ProtoBuilder().MessageField(19, new ProtoBuilder().MessageField(1, new ProtoBuilder().StringField(1, "app-config")).VarintField(3, 420)));
        var scratch = new ProtoBuilder()
            .StringField(1, "scratch")
            .MessageField(2, new ProtoBuilder().MessageField(2, new ProtoBuilder().StringField(1, "")));
        var template = new ProtoBuilder()
            .MessageField(1, new ProtoBuilder().MapEntry(11, "app", "web").MessageField(8, new ProtoBuilder()))
            .MessageField(2, new ProtoBuilder().MessageField(1, volumes).MessageField(1, scratch).MessageField(2, container)
                .StringField(3, "").StringField(6, "").StringField(8, "web").StringField(9, "").StringField(10, "")
                .VarintField(11, 0).VarintField(12, 0).VarintField(13, 0).StringField(16, "").StringField(17, "").StringField(19, "").StringField(24, ""));

        AssertJson("""
            {
              "metadata": {"creationTimestamp": null, "labels": {"app": "web"}},
              "spec": {
                "volumes": [
                  {"name": "config", "configMap": {"name": "app-config", "defaultMode": 420}},
                  {"name": "scratch", "emptyDir": {}}
                ],
                "containers": [{
                  "name": "app",
                  "image": "registry.local/app:1.0",
                  "args": ["--port=8080"],
                  "env": [
                    {"name": "MODE", "value": "prod"},
                    {"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "creds", "key": "token"}}}
                  ],
                  "resources": {},
                  "volumeMounts": [{"name": "config", "readOnly": true, "mountPath": "/etc/app"}],
                  "readinessProbe": {"tcpSocket": {"port": 8080}, "periodSeconds": 5},
                  "imagePullPolicy": "IfNotPresent",
                  "securityContext": {"capabilities": {"drop": ["ALL"]}, "runAsNonRoot": true, "allowPrivilegeEscalation": false}
                }],
                "serviceAccountName": "web"
              }
            }
            """, Decode(PodV1.PodTemplateSpec, template));
    }
}
