using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

/// <summary>Deployments as kubectl would send them, and a stored one as the sandbox would hold it.</summary>
internal static class Deployments
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, 250, TimeSpan.Zero);
    public static readonly DateTimeOffset T1 = T0.AddHours(1);
    public static readonly DateTimeOffset T2 = T0.AddHours(2);

    public static JsonObject Config(int replicas = 2, string image = "nginx:1.27") => Json.Parse($$$"""
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
         "spec": {
           "replicas": {{{replicas}}},
           "selector": {"matchLabels": {"app": "web"}},
           "template": {
             "metadata": {"labels": {"app": "web"}},
             "spec": {"containers": [{"name": "web", "image": "{{{image}}}"}]} } } }
        """);

    /// <summary>The deployment created by <c>kubectl apply</c> (client-side) at <see cref="T0"/>.</summary>
    public static JsonObject CreatedByClientSideApply(int replicas = 2)
    {
        var created = Config(replicas);
        created["metadata"]!["uid"] = "0b9d7f4e-1c2a-4e55-9d5e-6f7a8b9c0d1e";
        created["metadata"]!["resourceVersion"] = "1";
        return FieldManager.RecordUpdate(null, created, "kubectl-client-side-apply", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T0);
    }

    public static JsonObject With(JsonObject obj, Action<JsonObject> change)
    {
        var copy = (JsonObject)obj.DeepClone();
        change(copy);
        return copy;
    }

    public static JsonObject Container(JsonObject obj, string name) =>
        obj["spec"]!["template"]!["spec"]!["containers"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["name"] == name);
}
