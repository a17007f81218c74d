using System.Net;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Tests;

/// <summary>Two users editing one object: the second is told which field and which manager, and nothing is lost.</summary>
public sealed class ConflictTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_second_editor_gets_a_conflict_naming_the_field_and_the_other_manager_and_nothing_is_lost()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.GrantAsync(SandboxFixture.Olivia, "edit", ns);
        await sandbox.GrantAsync(SandboxFixture.Bob, "edit", ns);

        // Olivia edits with kubectl (its own field manager); Bob edits the same field through Kubemate.
        using var olivia = sandbox.As(SandboxFixture.Olivia);
        await new ApplyEngine(olivia).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "100"))]), new ApplyOptions { FieldManager = "kubectl" });
        using var bob = sandbox.As(SandboxFixture.Bob);
        var engine = new ApplyEngine(bob);
        var change = ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "500"), ("burst", "50"))]);

        var preview = await engine.PreviewAsync(change);
        var result = await engine.ApplyAsync(change);

        foreach (var outcome in new[] { preview.Objects[0], result.Objects[0] })
        {
            Assert.Equal(ObjectStatus.Failed, outcome.Status);
            var conflict = Assert.Single(outcome.Conflicts);
            Assert.Equal(".data.rps", conflict.Field);
            Assert.Equal("kubectl", conflict.Manager);
        }
        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/limits");
        Assert.Equal("100", (string?)stored!["data"]!["rps"]);
        Assert.Null(stored["data"]!["burst"]);
    }

    [Fact]
    public async Task Forcing_when_the_user_asks_takes_the_field_over()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var admin = sandbox.Admin();
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "100"))]), new ApplyOptions { FieldManager = "helm" });

        var result = await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "500"))]), new ApplyOptions { Force = true });

        Assert.Equal(ObjectStatus.Applied, result.Objects[0].Status);
        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/limits");
        Assert.Equal("500", (string?)stored!["data"]!["rps"]);
    }

    [Fact]
    public async Task A_stale_preview_fails_with_the_changed_field_and_its_manager_and_keeps_the_newer_state()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.GrantAsync(SandboxFixture.Olivia, "edit", ns);
        await sandbox.GrantAsync(SandboxFixture.Bob, "edit", ns);
        using var admin = sandbox.Admin();
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "100"))]));

        // Both preview from the same state, through the same field manager; Olivia applies first.
        using var olivia = sandbox.As(SandboxFixture.Olivia);
        using var bob = sandbox.As(SandboxFixture.Bob);
        var bobsChange = ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "700"))]);
        var bobsPreview = await new ApplyEngine(bob).PreviewAsync(bobsChange);
        await new ApplyEngine(olivia).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "500"))]));

        var expected = bobsPreview.Objects.ToDictionary(o => o.Object, o => o.ResourceVersion);
        var result = await new ApplyEngine(bob).ApplyAsync(bobsChange, new ApplyOptions { ExpectedResourceVersions = expected });

        var outcome = Assert.Single(result.Objects);
        Assert.Equal(ObjectStatus.Failed, outcome.Status);
        Assert.Equal(HttpStatusCode.Conflict, outcome.StatusCode);
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(".data.rps", conflict.Field);
        Assert.Equal("kubemate", conflict.Manager);
        Assert.Contains("\"500\"", conflict.Message);
        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/limits");
        Assert.Equal("500", (string?)stored!["data"]!["rps"]);
    }

    [Fact]
    public async Task A_preview_of_a_missing_object_conflicts_when_someone_created_it_meanwhile()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var admin = sandbox.Admin();
        var change = ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "fresh", ("k", "mine"))]);
        var preview = await new ApplyEngine(admin).PreviewAsync(change);
        Assert.Null(preview.Objects[0].ResourceVersion);
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "fresh", ("k", "theirs"))]), new ApplyOptions { FieldManager = "helm" });

        var result = await new ApplyEngine(admin).ApplyAsync(change, new ApplyOptions { ExpectedResourceVersions = new Dictionary<ObjectRef, string?> { [preview.Objects[0].Object] = null } });

        Assert.Equal(HttpStatusCode.Conflict, result.Objects[0].StatusCode);
        Assert.Equal("helm", Assert.Single(result.Objects[0].Conflicts).Manager);
        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/fresh");
        Assert.Equal("theirs", (string?)stored!["data"]!["k"]);
    }

    [Fact]
    public async Task An_up_to_date_preview_applies()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var admin = sandbox.Admin();
        var engine = new ApplyEngine(admin);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "100"))]));
        var change = ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "limits", ("rps", "200"))]);
        var preview = await engine.PreviewAsync(change);

        var result = await engine.ApplyAsync(change, new ApplyOptions { ExpectedResourceVersions = preview.Objects.ToDictionary(o => o.Object, o => o.ResourceVersion) });

        Assert.Equal(ObjectStatus.Applied, result.Objects[0].Status);
        Assert.Equal("200", (string?)(await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/limits"))!["data"]!["rps"]);
    }
}
