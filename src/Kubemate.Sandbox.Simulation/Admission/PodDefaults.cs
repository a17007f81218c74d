using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Controllers;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// What the apiserver does to a new pod before webhooks see it: spec defaults, the ServiceAccount admission plugin
/// (service account name and the projected <c>kube-api-access-*</c> token volume mounted into every container),
/// the default not-ready/unreachable tolerations, and a fresh Pending status with the pod's QoS class.
/// </summary>
public sealed class PodDefaults : IAdmissionPlugin
{
    private const string TokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";
    private const string RandomAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Type.Group.Length > 0 || request.Type.Kind != "Pod" || request.Subresource.Length > 0)
        {
            return;
        }
        if (request.Operation == AdmissionOperation.Update)
        {
            if (request.Object["spec"] is JsonObject updated)
            {
                PodSpecDefaults.Apply(updated);
            }
            return;
        }
        if (request.Operation != AdmissionOperation.Create)
        {
            return;
        }
        var pod = request.Object;
        var spec = pod.Obj("spec");
        PodSpecDefaults.Apply(spec);
        spec["enableServiceLinks"] ??= true;
        spec["priority"] ??= 0;
        spec["preemptionPolicy"] ??= "PreemptLowerPriority";
        var account = spec.GetString("serviceAccountName") ?? spec.GetString("serviceAccount") ?? "default";
        spec["serviceAccountName"] = account;
        spec["serviceAccount"] = account;
        MountServiceAccountToken(request, spec, account);
        AddDefaultTolerations(spec);
        pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = PodStatusBuilder.QosClass(spec) };
    }

    private static void MountServiceAccountToken(AdmissionRequest request, JsonObject spec, string account)
    {
        var serviceAccount = request.Store.Get(new Storage.ObjectKey("/serviceaccounts", request.Namespace, account))?.Object;
        var automount = spec.GetBool("automountServiceAccountToken") ?? serviceAccount.GetBool("automountServiceAccountToken") ?? true;
        var containers = PodStatusBuilder.Containers(spec, "containers").Concat(PodStatusBuilder.Containers(spec, "initContainers")).ToList();
        if (!automount || containers.Any(c => (c["volumeMounts"] as JsonArray ?? []).OfType<JsonObject>().Any(m => m.GetString("mountPath") == TokenMountPath)))
        {
            return;
        }
        var volumeName = "kube-api-access-" + new string(Enumerable.Range(0, 5).Select(_ => RandomAlphabet[Random.Shared.Next(RandomAlphabet.Length)]).ToArray());
        if (spec["volumes"] is not JsonArray volumes)
        {
            volumes = [];
            spec["volumes"] = volumes;
        }
        volumes.Add(new JsonObject
        {
            ["name"] = volumeName,
            ["projected"] = new JsonObject
            {
                ["defaultMode"] = 420,
                ["sources"] = new JsonArray(
                    new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                    new JsonObject
                    {
                        ["configMap"] = new JsonObject
                        {
                            ["name"] = "kube-root-ca.crt",
                            ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }),
                        },
                    },
                    new JsonObject
                    {
                        ["downwardAPI"] = new JsonObject
                        {
                            ["items"] = new JsonArray(new JsonObject
                            {
                                ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" },
                                ["path"] = "namespace",
                            }),
                        },
                    }),
            },
        });
        foreach (var container in containers)
        {
            if (container["volumeMounts"] is not JsonArray mounts)
            {
                mounts = [];
                container["volumeMounts"] = mounts;
            }
            mounts.Add(new JsonObject { ["name"] = volumeName, ["readOnly"] = true, ["mountPath"] = TokenMountPath });
        }
    }

    private static void AddDefaultTolerations(JsonObject spec)
    {
        if (spec["tolerations"] is not JsonArray tolerations)
        {
            tolerations = [];
            spec["tolerations"] = tolerations;
        }
        foreach (var key in new[] { "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable" })
        {
            if (tolerations.OfType<JsonObject>().Any(t => t.GetString("key") == key && t.GetString("effect") is null or "NoExecute"))
            {
                continue;
            }
            tolerations.Add(new JsonObject
            {
                ["key"] = key,
                ["operator"] = "Exists",
                ["effect"] = "NoExecute",
                ["tolerationSeconds"] = 300,
            });
        }
    }
}
