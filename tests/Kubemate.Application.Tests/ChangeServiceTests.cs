using System.Net;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Application.Changes;
using Kubemate.Cluster.Http;

namespace Kubemate.Application.Tests;

/// <summary>Audited changes against the sandbox: previews, all-or-nothing applies, and two users editing one object.</summary>
[Collection(DemoSandboxCollection.Name)]
public sealed class ChangeServiceTests(DemoSandbox sandbox)
{
    [Fact]
    public async Task A_preview_records_resource_versions_and_a_dry_run_audit_and_changes_nothing()
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var admin = sandbox.Admin();
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var before = await ClusterSnapshot.TakeSettledAsync(admin, "orders");
        var service = new ChangeService(olivia, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia));

        var preview = await service.PreviewAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", "preview-only", ("k", "v")), TestManifests.Service("orders", "preview-svc", 80)]));

        Assert.All(preview.DryRun.Objects, o => Assert.Equal(ObjectStatus.DryRunOk, o.Status));
        Assert.All(preview.ResourceVersions.Values, Assert.Null);
        Assert.Equal(before, await ClusterSnapshot.TakeAsync(admin, "orders"));
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal(("apply", true, AuditOutcome.Allowed, "olivia", "127.0.0.1", "sandbox"),
            (record.Operation, record.DryRun, record.Outcome, record.User, record.SourceAddress, record.Cluster));
        Assert.Equal(["create", "create"], record.Objects.Select(o => o.Action));
        Assert.Contains("+  k: v", record.Diff);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_schema_violation_leaves_every_object_as_it_was_and_is_audited_as_failed(bool dryRunFirst)
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var admin = sandbox.Admin();
        using var alice = sandbox.As(DemoSandbox.Alice);
        var before = await ClusterSnapshot.TakeSettledAsync(admin, "orders", "web");

        var result = await new ChangeService(alice, audit.Store, DemoSandbox.Context(DemoSandbox.Alice)).ApplyAsync(ChangeSet.ApplyAll(
        [
            TestManifests.ConfigMap("orders", "orders-limits", ("rps", "100")),
            TestManifests.Service("web", "extra", 8080),
            TestManifests.InvalidHttpRoute("orders", "broken"),
            TestManifests.ConfigMap("web", "after", ("k", "v")),
        ]), new ApplyOptions { DryRunFirst = dryRunFirst });

        Assert.False(result.Succeeded);
        Assert.Contains("parentRefs", result.Objects[2].Reason);
        await ClusterSnapshot.AssertBackToAsync(admin, before, "orders", "web");
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal((false, AuditOutcome.Failed), (record.DryRun, record.Outcome));
        Assert.Equal("failed", record.Objects[2].Status);
        Assert.Equal(dryRunFirst ? "dry-run" : "rolled-back", record.Objects[0].Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_rbac_denial_on_the_last_object_leaves_every_object_as_it_was_and_is_audited_as_denied(bool dryRunFirst)
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var admin = sandbox.Admin();
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var before = await ClusterSnapshot.TakeSettledAsync(admin, "orders", "payments");

        var result = await new ChangeService(olivia, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia)).ApplyAsync(ChangeSet.ApplyAll(
        [
            TestManifests.ConfigMap("orders", "orders-limits", ("rps", "100")),
            TestManifests.Service("orders", "orders-extra", 8080),
            TestManifests.ConfigMap("payments", "payment-limits", ("rps", "5")),
        ]), new ApplyOptions { DryRunFirst = dryRunFirst });

        Assert.False(result.Succeeded);
        Assert.Equal(HttpStatusCode.Forbidden, result.Objects[^1].StatusCode);
        Assert.Contains("olivia", result.Objects[^1].Reason);
        await ClusterSnapshot.AssertBackToAsync(admin, before, "orders", "payments");
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal(AuditOutcome.Denied, record.Outcome);
        Assert.Equal("denied", record.Objects[^1].Status);
        Assert.Contains("forbidden", record.Objects[^1].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(AuditBackend.Sqlite)]
    [InlineData(AuditBackend.Postgres)]
    public async Task The_second_of_two_kubemate_users_gets_a_conflict_naming_the_field_and_who_changed_it_and_nothing_is_lost(string backend)
    {
        await using var audit = await AuditBackend.OpenAsync(backend);
        var name = "limits-" + Guid.NewGuid().ToString("n")[..6];
        using var alice = sandbox.As(DemoSandbox.Alice);
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var alices = new ChangeService(alice, audit.Store, DemoSandbox.Context(DemoSandbox.Alice));
        var olivias = new ChangeService(olivia, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia));
        await alices.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", name, ("rps", "100"), ("burst", "10"))]));

        // Both preview a change from the same state; Olivia applies hers first.
        var alicesPreview = await alices.PreviewAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", name, ("rps", "700"), ("burst", "10"))]));
        var oliviasPreview = await olivias.PreviewAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", name, ("rps", "500"), ("burst", "10"))]));
        var first = await olivias.ApplyPreviewedAsync(oliviasPreview);
        var second = await alices.ApplyPreviewedAsync(alicesPreview);

        Assert.True(first.Succeeded);
        var outcome = Assert.Single(second.Objects);
        Assert.Equal(HttpStatusCode.Conflict, outcome.StatusCode);
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal((".data.rps", "kubemate", "olivia"), (conflict.Field, conflict.Manager, conflict.ChangedBy));
        Assert.Contains("changed by olivia through kubemate", conflict.Message);
        using var admin = sandbox.Admin();
        var stored = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/orders/configmaps/{name}", null, null, default);
        Assert.Equal(("500", "10"), ((string?)stored["data"]!["rps"], (string?)stored["data"]!["burst"]));
        var last = (await audit.Store.QueryAsync(new AuditQuery { Descending = true, Limit = 1 }))[0];
        Assert.Equal(("alice", AuditOutcome.Failed, "conflict"), (last.User, last.Outcome, last.Objects[0].Status));
        Assert.Contains("changed by olivia", last.Objects[0].Message);
    }

    [Fact]
    public async Task A_field_owned_by_kubectl_is_a_conflict_until_the_user_forces_it()
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        var name = "kubectl-owned-" + Guid.NewGuid().ToString("n")[..6];
        using var admin = sandbox.Admin();
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", name, ("rps", "100"))]), new ApplyOptions { FieldManager = "kubectl" });
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var service = new ChangeService(olivia, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia));
        var preview = await service.PreviewAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", name, ("rps", "900"))]));

        var refused = await service.ApplyPreviewedAsync(preview);
        var forced = await service.ApplyPreviewedAsync(preview, force: true);

        var conflict = Assert.Single(refused.Objects[0].Conflicts);
        Assert.Equal((".data.rps", "kubectl", null), (conflict.Field, conflict.Manager, conflict.ChangedBy));
        Assert.True(forced.Succeeded);
        var stored = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/orders/configmaps/{name}", null, null, default);
        Assert.Equal("900", (string?)stored["data"]!["rps"]);
    }

    [Fact]
    public async Task A_gitops_export_writes_one_file_per_object_and_is_audited_without_touching_the_cluster()
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var directory = Path.Combine(Path.GetTempPath(), "kubemate-gitops-" + Guid.NewGuid().ToString("n"));
        var service = new ChangeService(olivia, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia));
        var changes = ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", "exported", ("k", "v"))]);

        try
        {
            var written = await service.ExportGitOpsAsync(changes, directory);
            var stream = await service.ExportGitOpsAsync(changes, null);

            Assert.Equal(Path.Combine(directory, "orders_configmap.core_exported.yaml"), written);
            Assert.Contains("name: exported", await File.ReadAllTextAsync(written));
            Assert.Contains("k: v", stream);
            using var admin = sandbox.Admin();
            Assert.Null(await admin.GetOrNullAsync("api/v1/namespaces/orders/configmaps/exported", default));
            var records = await audit.Store.QueryAsync(AuditQuery.All);
            Assert.All(records, r => Assert.Equal(("gitops-export", AuditOutcome.Allowed, "exported"), (r.Operation, r.Outcome, r.Objects[0].Status)));
            Assert.Equal(2, records.Count);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
