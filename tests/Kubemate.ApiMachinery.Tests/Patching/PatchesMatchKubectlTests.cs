using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Patching;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.Patching;

/// <summary>Every patch gives the same object as kubectl's own offline patching (the Kubernetes Go implementation).</summary>
public class PatchesMatchKubectlTests
{
    private const string Service = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop","finalizers":["x/y"]},
         "spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"},{"name":"dns","port":53,"protocol":"UDP"}]},
         "status":{"conditions":[{"type":"Ready","status":"True"}]}}
        """;

    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","labels":{"app":"web"}},
         "spec":{"initContainers":[{"name":"init","image":"i:1"}],
          "containers":[{"name":"app","image":"a:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}]}],
          "volumes":[{"name":"v1","emptyDir":{}},{"name":"v2","secret":{"secretName":"s"}}],
          "imagePullSecrets":[{"name":"reg"}],"hostAliases":[{"ip":"10.0.0.1","hostnames":["a"]}],
          "nodeSelector":{"disk":"ssd","zone":"a"}},
         "status":{"conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}],"podIPs":[{"ip":"10.1.0.5"}]}}
        """;

    private const string DisruptionBudget = """
        {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"web"},
         "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"web","tier":"front"}}}}
        """;

    private const string CronJob = """
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"report"},
         "spec":{"schedule":"0 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never",
          "containers":[{"name":"report","image":"r:1","args":["--all"]},{"name":"upload","image":"u:1"}]}}}}}}
        """;

    private const string Webhooks = """
        {"apiVersion":"admissionregistration.k8s.io/v1","kind":"MutatingWebhookConfiguration","metadata":{"name":"linkerd-proxy-injector-webhook-config"},
         "webhooks":[{"name":"linkerd-proxy-injector.linkerd.io","sideEffects":"None","admissionReviewVersions":["v1","v1beta1"],
          "clientConfig":{"service":{"name":"linkerd-proxy-injector","namespace":"linkerd","path":"/"}},
          "rules":[{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"]}]}]}
        """;

    public static TheoryData<string, string, string> StrategicCases() => new()
    {
        { "set image", KubectlPayloads.LiveDeployment, KubectlPayloads.SetImage },
        { "rollout restart", KubectlPayloads.LiveDeployment, KubectlPayloads.RolloutRestart },
        { "set env", KubectlPayloads.LiveDeployment, KubectlPayloads.SetEnv },
        { "set resources", KubectlPayloads.LiveDeployment, KubectlPayloads.SetResources },
        { "delete container", KubectlPayloads.LiveDeployment, KubectlPayloads.DeleteContainer },
        { "client-side apply", KubectlPayloads.LiveDeployment, KubectlPayloads.ClientSideApply },
        { "new container first", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"containers":[{"name":"new","image":"n:1"},{"name":"sidecar","image":"s:2"}]}}}}""" },
        { "reorder only", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"app"}]}}}}""" },
        { "order with additions", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"x"},{"name":"app"}],"containers":[{"name":"x","image":"x:1"}]}}}}""" },
        { "finalizer set", KubectlPayloads.LiveDeployment, """{"metadata":{"finalizers":["example.com/three","example.com/one"]}}""" },
        { "finalizer delete", KubectlPayloads.LiveDeployment, """{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/one","absent"]}}""" },
        { "finalizer order", KubectlPayloads.LiveDeployment, """{"metadata":{"$setElementOrder/finalizers":["example.com/two","example.com/three","example.com/one"],"finalizers":["example.com/three"]}}""" },
        { "list replace", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"o:1"},{"$patch":"replace"}]}}}}""" },
        { "map replace", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"metadata":{"labels":{"$patch":"replace","fresh":"yes"}}}}}""" },
        { "map delete", KubectlPayloads.LiveDeployment, """{"spec":{"strategy":{"$patch":"delete"}}}""" },
        { "volume retainKeys", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"cache"}],"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"name":"cache"}]}}}}""" },
        { "tolerations atomic", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"tolerations":[{"key":"other","operator":"Exists"}]}}}}""" },
        { "owner references", KubectlPayloads.LiveDeployment, """{"metadata":{"ownerReferences":[{"apiVersion":"v1","kind":"Secret","name":"owner2","uid":"u-2"},{"uid":"u-1","name":"renamed"}]}}""" },
        { "status conditions", KubectlPayloads.LiveDeployment, """{"status":{"conditions":[{"type":"Progressing","status":"False","reason":"Stuck"},{"type":"ReplicaFailure","status":"True"}]}}""" },
        { "ports by containerPort", KubectlPayloads.LiveDeployment, """{"spec":{"template":{"spec":{"containers":[{"name":"app","ports":[{"containerPort":8080,"protocol":"UDP"},{"containerPort":7000}]}]}}}}""" },
        { "nulls", KubectlPayloads.LiveDeployment, """{"spec":{"paused":null,"template":{"spec":{"containers":[{"name":"app","env":[{"name":"LOG","value":null},{"name":"NEW","value":"1","valueFrom":null}],"resources":{"limits":{"cpu":"1","memory":null}}}]}}}}""" },
        { "new field with directives", KubectlPayloads.LiveDeployment, """{"spec":{"newField":{"x":{"$patch":"delete"},"y":1,"z":null}}}""" },
        { "service ports", Service, """{"spec":{"ports":[{"port":53,"targetPort":5353},{"name":"https","port":443}]}}""" },
        { "service selector", Service, """{"spec":{"selector":{"tier":"front"}},"metadata":{"finalizers":["x/z"]}}""" },
        { "service port delete", Service, """{"spec":{"$setElementOrder/ports":[{"port":53}],"ports":[{"$patch":"delete","port":80}]}}""" },
        { "pod env order", Pod, """{"spec":{"containers":[{"name":"app","$setElementOrder/env":[{"name":"C"},{"name":"A"},{"name":"D"}],"env":[{"name":"D","value":"4"},{"$patch":"delete","name":"B"}]}]}}""" },
        { "pod init containers", Pod, """{"spec":{"initContainers":[{"name":"init","image":"i:2"},{"name":"init2","image":"j:1"}]}}""" },
        { "pod volumes", Pod, """{"spec":{"volumes":[{"name":"v3","configMap":{"name":"c"}},{"name":"v2","$patch":"delete"}]}}""" },
        { "pod pull secrets and aliases", Pod, """{"spec":{"imagePullSecrets":[{"name":"other"}],"hostAliases":[{"ip":"10.0.0.1","hostnames":["b"]},{"ip":"10.0.0.2","hostnames":["c"]}]}}""" },
        { "pod node selector merges", Pod, """{"spec":{"nodeSelector":{"zone":"b","disk":null}}}""" },
        { "disruption budget selector replaced", DisruptionBudget, """{"spec":{"selector":{"matchLabels":{"app":"api"}}}}""" },
        { "cron job template", CronJob, """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"upload","image":"u:2","args":["--fast"]},{"name":"report","args":["--some"]}]}}}}}}""" },
        { "webhook merged by name", Webhooks, """{"webhooks":[{"name":"linkerd-proxy-injector.linkerd.io","failurePolicy":"Fail","admissionReviewVersions":["v1"]},{"name":"second.linkerd.io","sideEffects":"None"}]}""" },
        { "pod status", Pod, """{"status":{"conditions":[{"type":"Ready","status":"True"}],"podIPs":[{"ip":"fd00::5"}]}}""" },
    };

    [Theory]
    [MemberData(nameof(StrategicCases))]
    public void Strategic_merge_patch_matches_kubectl(string description, string target, string patch)
    {
        var targetNode = JsonNode.Parse(target)!;
        var shape = BuiltInShapes.For((string)targetNode["apiVersion"]!, (string)targetNode["kind"]!)!;

        var ours = StrategicMergePatch.Apply(targetNode, JsonAssert.Object(patch), shape);
        var kubectl = KubectlLocalPatch.Apply(target, patch, "strategic");

        Assert.True(description.Length > 0);
        JsonAssert.Equal(KubectlLocalPatch.WithoutNullMembers(kubectl), KubectlLocalPatch.WithoutNullMembers(ours));
    }

    public static TheoryData<string, string> MergeCases() => new()
    {
        { KubectlPayloads.LiveDeployment, """{"metadata":{"labels":{"team":"payments","tier":null}}}""" },
        { KubectlPayloads.LiveDeployment, """{"spec":{"replicas":5,"template":{"spec":{"containers":[{"name":"only","image":"o:1"}]}}}}""" },
        { Service, """{"spec":{"selector":null,"new":{"a":{"b":null,"c":1}}}}""" },
    };

    [Theory]
    [MemberData(nameof(MergeCases))]
    public void Json_merge_patch_matches_kubectl(string target, string patch)
    {
        var ours = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        JsonAssert.Equal(KubectlLocalPatch.Apply(target, patch, "merge"), ours);
    }

    public static TheoryData<string, string> JsonPatchCases() => new()
    {
        { KubectlPayloads.LiveDeployment, """[{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/metadata/labels/x~1y","value":"z"}]""" },
        { KubectlPayloads.LiveDeployment, """[{"op":"remove","path":"/spec/template/spec/containers/1"},{"op":"copy","from":"/metadata/labels","path":"/metadata/annotations"}]""" },
        { KubectlPayloads.LiveDeployment, """[{"op":"move","from":"/metadata/finalizers/0","path":"/metadata/finalizers/-"},{"op":"test","path":"/metadata/finalizers/0","value":"example.com/two"}]""" },
        { Pod, """[{"op":"add","path":"/spec/containers/0/env/1","value":{"name":"X","value":"9"}},{"op":"replace","path":"/spec/nodeSelector","value":{"only":"this"}}]""" },
    };

    [Theory]
    [MemberData(nameof(JsonPatchCases))]
    public void Json_patch_matches_kubectl(string target, string patch)
    {
        var ours = JsonPatch.Apply(JsonNode.Parse(target)!, JsonNode.Parse(patch)!);

        JsonAssert.Equal(KubectlLocalPatch.Apply(target, patch, "json"), ours);
    }
}
