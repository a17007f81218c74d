using Kubemate.Cluster.Apply;

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
        await new ApplyEngine(olivia).ApplyAsync(ChangeSet.ApplyAll([Manifests.ConfigMap(ns, "limits", ("rps", "100"))]), new ApplyOptions { FieldManager = "kubectl" });
        using var bob = sandbox.As(SandboxFixture.Bob);
        var engine = new ApplyEngine(bob);
        var change = ChangeSet.ApplyAll([Manifests.ConfigMap(ns, "limits", ("rps", "500"), ("burst", "50"))]);

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
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([Manifests.ConfigMap(ns, "limits", ("rps", "100"))]), new ApplyOptions { FieldManager = "helm" });

        var result = await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([Manifests.ConfigMap(ns, "limits", ("rps", "500"))]), new ApplyOptions { Force = true });

        Assert.Equal(ObjectStatus.Applied, result.Objects[0].Status);
        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/limits");
        Assert.Equal("500", (string?)stored!["data"]!["rps"]);
    }
}
