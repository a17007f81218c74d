using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Patching;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.Patching;

public class StrategicMergePatchTests
{
    private static readonly TypeShape DeploymentShape = BuiltInShapes.For("apps/v1", "Deployment")!;

    private static JsonNode Patch(string patch) =>
        StrategicMergePatch.Apply(JsonNode.Parse(KubectlPayloads.LiveDeployment)!, JsonAssert.Object(patch), DeploymentShape);

    private static JsonNode PodSpec(JsonNode deployment) => deployment["spec"]!["template"]!["spec"]!;

    private static JsonNode Container(JsonNode deployment, string name) =>
        PodSpec(deployment)["containers"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    private static string[] Names(JsonNode? list) => list!.AsArray().Select(item => (string)item!["name"]!).ToArray();

    private static string Failure(string patch) => Assert.Throws<PatchException>(() => Patch(patch)).Message;

    [Fact]
    public void Kubectl_set_image_changes_only_the_named_container()
    {
        var result = Patch(KubectlPayloads.SetImage);

        Assert.Equal("shop/web:2.0", (string?)Container(result, "app")["image"]);
        Assert.Equal("shop/sidecar:1.0", (string?)Container(result, "sidecar")["image"]);
        Assert.Equal(["app", "sidecar"], Names(PodSpec(result)["containers"]));
        JsonAssert.Equal("""[{"name":"MODE","value":"prod"},{"name":"LOG","value":"info"}]""", Container(result, "app")["env"]);
    }

    [Fact]
    public void Kubectl_rollout_restart_adds_the_restartedAt_annotation_to_the_template()
    {
        var result = Patch(KubectlPayloads.RolloutRestart);

        JsonAssert.Equal(
            """{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-11-25T18:09:24Z"},"labels":{"app":"web"}}""",
            result["spec"]!["template"]!["metadata"]);
    }

    [Fact]
    public void Kubectl_set_env_merges_env_by_name_and_creates_env_where_missing()
    {
        var result = Patch(KubectlPayloads.SetEnv);

        JsonAssert.Equal("""[{"name":"MODE","value":"prod"},{"name":"LOG","value":"warn"}]""", Container(result, "app")["env"]);
        JsonAssert.Equal("""[{"name":"LOG","value":"warn"}]""", Container(result, "sidecar")["env"]);
    }

    [Fact]
    public void Kubectl_set_resources_merges_into_the_container()
    {
        var result = Patch(KubectlPayloads.SetResources);

        JsonAssert.Equal("""{"limits":{"cpu":"200m"}}""", Container(result, "app")["resources"]);
        Assert.Equal("shop/web:1.0", (string?)Container(result, "app")["image"]);
    }

    [Fact]
    public void Patch_delete_directive_removes_a_container()
    {
        var result = Patch(KubectlPayloads.DeleteContainer);

        Assert.Equal(["app"], Names(PodSpec(result)["containers"]));
    }

    [Fact]
    public void Client_side_apply_patch_gives_the_applied_manifest_and_keeps_server_fields()
    {
        var result = Patch(KubectlPayloads.ClientSideApply);

        JsonAssert.Equal("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"shop","labels":{"app":"web"},
               "annotations":{"deployment.kubernetes.io/revision":"1",
                 "kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}\n"},
               "finalizers":["example.com/one","example.com/two"],
               "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-1"}]},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"Recreate"},
              "template":{"metadata":{"labels":{"app":"web"}},"spec":{
                "containers":[
                  {"image":"shop/metrics:1.0","name":"metrics"},
                  {"name":"app","image":"shop/web:1.1",
                   "ports":[{"containerPort":8080,"name":"http","protocol":"TCP"}],
                   "env":[{"name":"LOG","value":"debug"},{"name":"MODE","value":"prod"},{"name":"REGION","value":"eu"}],
                   "volumeMounts":[{"name":"cache","mountPath":"/cache"}]}],
                "volumes":[{"name":"cache","emptyDir":{}}],
                "tolerations":[{"key":"dedicated","operator":"Equal","value":"web","effect":"NoSchedule"}],
                "restartPolicy":"Always"}}},
             "status":{"replicas":2,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
            """, result);
    }

    [Fact]
    public void Retain_keys_drops_rolling_update_when_the_strategy_becomes_recreate()
    {
        var result = Patch("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        JsonAssert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]);
    }

    [Fact]
    public void Retain_keys_switches_a_volume_from_empty_dir_to_config_map()
    {
        var result = Patch("""
            {"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"cache"}],
              "volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"name":"cache"}]}}}}
            """);

        JsonAssert.Equal("""[{"name":"cache","configMap":{"name":"cfg"}}]""", PodSpec(result)["volumes"]);
    }

    [Fact]
    public void Retain_keys_rejects_a_patch_that_sets_an_unlisted_field()
    {
        var message = Failure("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{"maxSurge":2}}}}""");

        Assert.Equal("spec.strategy: invalid patch format of retainKeys: the patch sets \"rollingUpdate\" but $retainKeys does not list it", message);
    }

    [Fact]
    public void A_new_container_without_an_order_goes_before_the_live_ones()
    {
        var result = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"new","image":"n:1"},{"name":"sidecar","image":"s:2"}]}}}}""");

        Assert.Equal(["new", "app", "sidecar"], Names(PodSpec(result)["containers"]));
        Assert.Equal("s:2", (string?)Container(result, "sidecar")["image"]);
    }

    [Fact]
    public void Set_element_order_alone_reorders_the_live_list()
    {
        var result = Patch("""{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"app"}]}}}}""");

        Assert.Equal(["sidecar", "app"], Names(PodSpec(result)["containers"]));
    }

    [Fact]
    public void Set_element_order_must_agree_with_the_patch_list()
    {
        var message = Failure("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],
              "containers":[{"name":"sidecar","image":"s:2"},{"name":"app","image":"a:2"}]}}}}
            """);

        Assert.StartsWith("spec.template.spec.containers: the order of the patch list", message);
    }

    [Fact]
    public void Container_ports_merge_by_container_port_alone()
    {
        // Strategic merge keys ports by containerPort only, so a UDP entry for 8080 overwrites the TCP one.
        var result = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","ports":[{"containerPort":8080,"protocol":"UDP"}]}]}}}}""");

        JsonAssert.Equal(
            """[{"containerPort":8080,"name":"http","protocol":"UDP"},{"containerPort":9090,"name":"admin","protocol":"TCP"}]""",
            Container(result, "app")["ports"]);
    }

    [Fact]
    public void Volume_mounts_merge_by_mount_path()
    {
        var result = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","volumeMounts":[{"mountPath":"/data","name":"data"}]}]}}}}""");

        JsonAssert.Equal("""[{"mountPath":"/data","name":"data"},{"name":"cache","mountPath":"/cache"}]""", Container(result, "app")["volumeMounts"]);
    }

    [Fact]
    public void Null_deletes_fields_inside_merged_elements()
    {
        var result = Patch("""
            {"spec":{"template":{"spec":{"containers":[{"name":"app",
              "env":[{"name":"LOG","value":null}],"resources":{"limits":{"cpu":"1","memory":null}}}]}}}}
            """);

        JsonAssert.Equal("""[{"name":"MODE","value":"prod"},{"name":"LOG"}]""", Container(result, "app")["env"]);
        JsonAssert.Equal("""{"limits":{"cpu":"1"}}""", Container(result, "app")["resources"]);
    }

    [Fact]
    public void New_values_lose_their_nulls_and_directives()
    {
        var result = Patch("""{"spec":{"newField":{"x":{"$patch":"delete"},"y":1,"z":null,"$setElementOrder/l":[1]}}}""");

        JsonAssert.Equal("""{"y":1}""", result["spec"]!["newField"]);
    }

    [Fact]
    public void Atomic_lists_are_replaced()
    {
        var result = Patch("""{"spec":{"template":{"spec":{"tolerations":[{"key":"other","operator":"Exists"}]}}}}""");

        JsonAssert.Equal("""[{"key":"other","operator":"Exists"}]""", PodSpec(result)["tolerations"]);
    }

    [Fact]
    public void Patch_replace_in_a_list_replaces_the_whole_list()
    {
        var result = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"o:1"},{"$patch":"replace"}]}}}}""");

        JsonAssert.Equal("""[{"name":"only","image":"o:1"}]""", PodSpec(result)["containers"]);
    }

    [Fact]
    public void Patch_replace_in_a_map_replaces_the_map()
    {
        var result = Patch("""{"spec":{"template":{"metadata":{"labels":{"$patch":"replace","fresh":"yes"}}}}}""");

        JsonAssert.Equal("""{"labels":{"fresh":"yes"}}""", result["spec"]!["template"]!["metadata"]);
    }

    [Fact]
    public void Patch_delete_in_a_map_empties_it()
    {
        var result = Patch("""{"spec":{"strategy":{"$patch":"delete"}}}""");

        JsonAssert.Equal("{}", result["spec"]!["strategy"]);
    }

    [Fact]
    public void Finalizers_merge_as_a_set_in_patch_order()
    {
        var result = Patch("""{"metadata":{"finalizers":["example.com/three","example.com/one"]}}""");

        JsonAssert.Equal("""["example.com/three","example.com/one","example.com/two"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Delete_from_primitive_list_removes_finalizers()
    {
        var result = Patch("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/one"]}}""");

        JsonAssert.Equal("""["example.com/two"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Set_element_order_orders_a_primitive_list()
    {
        var result = Patch("""
            {"metadata":{"$setElementOrder/finalizers":["example.com/two","example.com/three","example.com/one"],
              "finalizers":["example.com/three"]}}
            """);

        JsonAssert.Equal("""["example.com/two","example.com/three","example.com/one"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Owner_references_merge_by_uid()
    {
        var result = Patch("""{"metadata":{"ownerReferences":[{"apiVersion":"v1","kind":"Secret","name":"owner2","uid":"u-2"}]}}""");

        Assert.Equal(["owner2", "owner"], Names(result["metadata"]!["ownerReferences"]));
    }

    [Fact]
    public void Status_conditions_merge_by_type()
    {
        var result = Patch("""{"status":{"conditions":[{"type":"Progressing","status":"False","reason":"Stuck"}]}}""");

        JsonAssert.Equal(
            """[{"type":"Available","status":"True"},{"type":"Progressing","status":"False","reason":"Stuck"}]""",
            result["status"]!["conditions"]);
    }

    [Fact]
    public void Service_ports_merge_by_port()
    {
        var service = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
             "spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080},{"name":"https","port":443,"targetPort":8443}]}}
            """)!;

        var result = StrategicMergePatch.Apply(service,
            JsonAssert.Object("""{"spec":{"ports":[{"port":443,"targetPort":9443},{"name":"metrics","port":9090}]}}"""),
            BuiltInShapes.For("v1", "Service")!);

        JsonAssert.Equal(
            """[{"name":"http","port":80,"targetPort":8080},{"name":"https","port":443,"targetPort":9443},{"name":"metrics","port":9090}]""",
            result["spec"]!["ports"]);
    }

    [Fact]
    public void Unknown_shape_merges_objects_and_replaces_lists()
    {
        var result = StrategicMergePatch.Apply(
            JsonNode.Parse("""{"spec":{"a":1,"list":[{"name":"x"},{"name":"y"}],"nested":{"keep":true}}}""")!,
            JsonAssert.Object("""{"spec":{"b":2,"list":[{"name":"z"}],"nested":{"added":1}}}"""),
            TypeShape.Unknown);

        JsonAssert.Equal("""{"spec":{"a":1,"b":2,"list":[{"name":"z"}],"nested":{"keep":true,"added":1}}}""", result);
    }

    [Fact]
    public void A_value_of_another_kind_replaces_the_original()
    {
        var result = Patch("""{"spec":{"replicas":{"odd":true},"selector":"text"}}""");

        JsonAssert.Equal("""{"odd":true}""", result["spec"]!["replicas"]);
        Assert.Equal("text", (string?)result["spec"]!["selector"]);
    }

    [Fact]
    public void The_arguments_are_not_modified()
    {
        var target = JsonNode.Parse(KubectlPayloads.LiveDeployment)!;
        var patch = JsonAssert.Object(KubectlPayloads.ClientSideApply);

        StrategicMergePatch.Apply(target, patch, DeploymentShape);

        JsonAssert.Equal(KubectlPayloads.LiveDeployment, target);
        JsonAssert.Equal(KubectlPayloads.ClientSideApply, patch);
    }

    [Fact]
    public void An_element_without_its_merge_key_is_rejected_with_its_path()
    {
        var message = Failure("""{"spec":{"template":{"spec":{"containers":[{"image":"x:1"}]}}}}""");

        Assert.Equal("spec.template.spec.containers: element {\"image\":\"x:1\"} does not contain the merge key \"name\"", message);
    }

    [Fact]
    public void Errors_inside_list_elements_name_the_element()
    {
        var message = Failure("""{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"value":"1"}]}]}}}}""");

        Assert.StartsWith("spec.template.spec.containers[name=app].env: element", message);
    }

    [Theory]
    [InlineData("""{"spec":{"strategy":{"$patch":"explode"}}}""", "spec.strategy: unknown patch type \"explode\" in map (expected replace or delete)")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}}""", "spec.template.spec.containers: $patch: merge is not supported in list elements")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"$patch":"delete"}]}}}}""", "spec.template.spec.containers: an element with $patch: delete does not contain the merge key \"name\"")]
    [InlineData("""{"metadata":{"finalizers":["a",{"b":1}]}}""", "metadata.finalizers: cannot merge a list that mixes objects and other values")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":"type"}}}""", "spec.strategy: invalid patch format of retainKeys: $retainKeys must be a list of field names")]
    [InlineData("""{"metadata":{"$setElementOrder/finalizers":"a"}}""", "metadata: invalid patch format of setElementOrder list")]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveList/":["a"]}}""", "metadata: invalid patch format of primitive list")]
    [InlineData("""{"spec":{"strategy":{"$patch":1}}}""", "spec.strategy: $patch must be a string, got 1")]
    public void Malformed_directives_are_rejected_with_the_field_path(string patch, string expected)
    {
        Assert.StartsWith(expected, Failure(patch));
    }

    [Fact]
    public void Only_objects_can_be_patched()
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(JsonNode.Parse("[1]")!, [], TypeShape.Unknown));

        Assert.Equal("a strategic merge patch can only be applied to a JSON object", error.Message);
    }
}
