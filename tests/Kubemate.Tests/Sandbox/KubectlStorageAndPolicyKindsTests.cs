using System.Text.Json.Nodes;
using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>kubectl with volumes, claims, disruption budgets, autoscalers and admission policies: short names, columns, patches, watch, delete.</summary>
public sealed class KubectlStorageAndPolicyKindsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    [Fact]
    public async Task Apply_get_by_short_name_patch_watch_and_delete_each_kind()
    {
        var ns = "kinds-" + Guid.NewGuid().ToString("n")[..8];
        await Kubectl.Ok("create", "namespace", ns);
        var manifest = $$$"""
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: {{{ns}}}-pv}
            spec:
              capacity: {storage: 10Gi}
              accessModes: [ReadWriteOnce]
              persistentVolumeReclaimPolicy: Retain
              storageClassName: standard
              hostPath: {path: /data}
              claimRef: {namespace: {{{ns}}}, name: data}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
              namespace: {{{ns}}}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: standard
              resources: {requests: {storage: 10Gi}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
              namespace: {{{ns}}}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: {{{ns}}}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 5
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: {name: {{{ns}}}-replicas}
            spec:
              failurePolicy: Fail
              matchConstraints:
                resourceRules:
                - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
              validations:
              - {expression: "object.spec.replicas <= 5", message: at most 5 replicas}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: {{{ns}}}-replicas}
            spec:
              policyName: {{{ns}}}-replicas
              validationActions: [Deny]
              matchResources:
                namespaceSelector:
                  matchLabels:
                    kubernetes.io/metadata.name: {{{ns}}}
            """;
        var file = Path.Combine(Path.GetTempPath(), $"kinds-{Guid.NewGuid():n}.yaml");
        await File.WriteAllTextAsync(file, manifest);

        var applied = await Kubectl.Ok("apply", "-f", file);
        Assert.Contains($"persistentvolume/{ns}-pv created", applied);
        Assert.Contains("persistentvolumeclaim/data created", applied);
        Assert.Contains("poddisruptionbudget.policy/web created", applied);
        Assert.Contains("horizontalpodautoscaler.autoscaling/web created", applied);
        Assert.Contains($"validatingadmissionpolicy.admissionregistration.k8s.io/{ns}-replicas created", applied);
        Assert.Contains($"validatingadmissionpolicybinding.admissionregistration.k8s.io/{ns}-replicas created", applied);
        Assert.Contains("unchanged", await Kubectl.Ok("apply", "-f", file));

        Assert.Matches($@"(?m)^{ns}-pv\s+10Gi\s+RWO\s+Retain\s+Pending\s+{ns}/data\s+standard\s+<unset>\s+\S+$", await Kubectl.Ok("get", "pv", $"{ns}-pv"));
        Assert.Matches(@"(?m)^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$", await Kubectl.Ok("get", "pvc", "-n", ns));
        Assert.Matches(@"(?m)^web\s+2\s+N/A\s+0\s+\S+$", await Kubectl.Ok("get", "pdb", "-n", ns));
        Assert.Matches(@"(?m)^web\s+Deployment/web\s+cpu: <unknown>/80%\s+2\s+5\s+0\s+\S+$", await Kubectl.Ok("get", "hpa", "-n", ns));
        Assert.Matches($@"(?m)^{ns}-replicas\s+1\s+<unset>\s+\S+$", await Kubectl.Ok("get", "validatingadmissionpolicies", $"{ns}-replicas"));
        Assert.Matches($@"(?m)^{ns}-replicas\s+{ns}-replicas\s+<unset>\s+\S+$", await Kubectl.Ok("get", "validatingadmissionpolicybindings", $"{ns}-replicas"));
        var start = JsonNode.Parse(await Kubectl.Ok("get", "hpa", "web", "-n", ns, "-o", "json"))!["metadata"]!["resourceVersion"]!.GetValue<string>();

        await Kubectl.Ok("patch", "hpa", "web", "-n", ns, "--type", "merge", "-p", """{"spec":{"maxReplicas":9}}""");
        await Kubectl.Ok("patch", "pdb", "web", "-n", ns, "-p", """{"spec":{"minAvailable":null,"maxUnavailable":"25%"}}""");
        await Kubectl.Ok("patch", "pvc", "data", "-n", ns, "--subresource", "status", "--type", "merge", "-p", """{"status":{"phase":"Bound","capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"]}}""");
        await Kubectl.Ok("label", "validatingadmissionpolicy", $"{ns}-replicas", "tier=gold");
        Assert.Matches(@"(?m)^web\s+N/A\s+25%\s+0\s+\S+$", await Kubectl.Ok("get", "pdb", "web", "-n", ns));
        Assert.Matches(@"(?m)^data\s+Bound\s+10Gi\s+RWO\s+standard", await Kubectl.Ok("get", "pvc", "data", "-n", ns));
        Assert.Equal("gold", JsonNode.Parse(await Kubectl.Ok("get", "validatingadmissionpolicy", $"{ns}-replicas", "-o", "json"))!["metadata"]!["labels"]!["tier"]!.GetValue<string>());

        var deleted = await Kubectl.Ok("delete", "-f", file);
        Assert.Contains("horizontalpodautoscaler.autoscaling \"web\" deleted", deleted);
        Assert.Contains($"persistentvolume \"{ns}-pv\" deleted", deleted);
        Assert.Contains("No resources found", (await Kubectl.RunAsync("get", "pvc,pdb,hpa", "-n", ns)).StdErr);

        // The history from the autoscaler's creation: one change, then its deletion (the stream ends after timeoutSeconds).
        var watched = await Kubectl.Ok("get", "--raw", $"/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers?watch=true&resourceVersion={start}&timeoutSeconds=2");
        var events = watched.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(["MODIFIED", "DELETED"], events.Select(e => e["type"]!.GetValue<string>()));
        Assert.Equal(9, events[0]["object"]!["spec"]!["maxReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Api_resources_lists_the_kinds_with_their_short_names()
    {
        var output = await Kubectl.Ok("api-resources");
        Assert.Matches(@"(?m)^persistentvolumes\s+pv\s+v1\s+false\s+PersistentVolume$", output);
        Assert.Matches(@"(?m)^persistentvolumeclaims\s+pvc\s+v1\s+true\s+PersistentVolumeClaim$", output);
        Assert.Matches(@"(?m)^poddisruptionbudgets\s+pdb\s+policy/v1\s+true\s+PodDisruptionBudget$", output);
        Assert.Matches(@"(?m)^horizontalpodautoscalers\s+hpa\s+autoscaling/v2\s+true\s+HorizontalPodAutoscaler$", output);
        Assert.Matches(@"(?m)^validatingadmissionpolicies\s+admissionregistration.k8s.io/v1\s+false\s+ValidatingAdmissionPolicy$", output);
        Assert.Matches(@"(?m)^validatingadmissionpolicybindings\s+admissionregistration.k8s.io/v1\s+false\s+ValidatingAdmissionPolicyBinding$", output);
    }
}
