namespace Kubemate.Tests.Cli.Operations;

/// <summary>Small manifests the apply tests send.</summary>
public static class OperationManifests
{
    public static string ConfigMap(string mode, string ns = "orders", string name = "settings") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: {ns}
        data:
          mode: {mode}
        """;

    public static string Secret(string name, string password, string ns = "default") => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: {ns}
        type: Opaque
        stringData:
          username: db-admin
          password: {password}
        """;
}
