using Kubemate.Audit;

namespace Kubemate.Audit.Tests;

/// <summary>Realistic entries for the tests: a mesh switch, a Traefik route apply, a denied delete.</summary>
internal static class AuditEntries
{
    public static AuditEntry MeshEnable(string user = "alice@bank.example", string ns = "orders") => new()
    {
        User = user,
        Groups = ["platform-team", "system:authenticated"],
        SourceAddress = "10.20.30.40",
        Cluster = "prod-eu-1",
        Operation = "mesh-enable",
        Outcome = AuditOutcome.Allowed,
        Objects =
        [
            new("v1", "Namespace", null, ns, "patch", "applied"),
            new("apps/v1", "Deployment", ns, "orders-api", "restart", "applied"),
        ],
        Diff = $"--- a/v1/Namespace/{ns}\n+++ b/v1/Namespace/{ns}\n@@\n+    linkerd.io/inject: enabled\n",
    };

    public static AuditEntry RouteApply(string user = "bob@bank.example", string ns = "web", bool dryRun = false) => new()
    {
        User = user,
        Groups = ["edge-team"],
        SourceAddress = "10.20.30.41",
        Cluster = "prod-eu-1",
        Operation = "apply",
        DryRun = dryRun,
        Outcome = AuditOutcome.Partial,
        Objects =
        [
            new("traefik.io/v1alpha1", "IngressRoute", ns, "shop", "update", dryRun ? "dry-run" : "applied"),
            new("traefik.io/v1alpha1", "Middleware", ns, "hsts", "create", "failed", "admission webhook denied: \"headers\" is invalid"),
        ],
        Diff = "+  - match: Host(`shop.bank.example`)\n\t\"quoted\" \\ back\\slash\n网关路由\n",
    };

    public static AuditEntry DeniedDelete(string user = "mallory@bank.example") => new()
    {
        User = user,
        SourceAddress = "192.0.2.7",
        Cluster = "prod-us-2",
        Operation = "delete",
        Outcome = AuditOutcome.Denied,
        Objects = [new("policy.linkerd.io/v1beta3", "Server", "payment", "payment-http", "delete", "denied", "forbidden by RBAC")],
    };
}
