using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Host.Limits;
using Kubemate.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Tests.Limits;

/// <summary>
/// A change set whose audit record would be larger than the cap (256 KiB by default) is refused with 413 naming
/// the limit, before anything is previewed, applied, exported or recorded.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuditRecordSizeTests(HostFixture host)
{
    private static readonly int Cap = new RequestLimits().AuditRecordMaxBytes;

    [Theory]
    [InlineData("/api/v1/changesets/preview", false)]
    [InlineData("/api/v1/changesets/apply", false)]
    [InlineData("/api/v1/changesets/apply", true)]
    public async Task A_change_set_over_the_audit_record_cap_is_refused_with_413_and_changes_nothing(string path, bool gitops)
    {
        using var alice = host.Bearer("alice");
        var body = ChangeSets.Objects(ChangeSets.ConfigMap("default", "huge-record", new string('x', Cap + 1024)));
        if (gitops)
        {
            body["gitops"] = true;
        }
        var before = await ClusterSnapshot.TakeAsync(host.Admin());
        var head = await AuditHeadAsync();

        using var response = await alice.PostAsync(path, body);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("auditRecordMaxBytes", (string?)problem["limit"]);
        Assert.Contains($"over the limit of {Cap} bytes (auditRecordMaxBytes)", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(head, await AuditHeadAsync());
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(host.Admin()));
    }

    [Fact]
    public async Task Many_small_objects_adding_up_over_the_cap_are_refused_too()
    {
        using var alice = host.Bearer("alice");
        var objects = Enumerable.Range(0, 40).Select(i => ChangeSets.ConfigMap("default", $"many-{i}", new string('y', Cap / 32))).ToArray();
        var head = await AuditHeadAsync();

        using var response = await alice.PostAsync("/api/v1/changesets/preview", ChangeSets.Objects(objects));

        await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(head, await AuditHeadAsync());
    }

    [Fact]
    public async Task A_change_set_under_the_cap_is_recorded_whole()
    {
        using var alice = host.Bearer("alice");
        var body = ChangeSets.Objects(ChangeSets.ConfigMap("default", "large-but-fine", new string('z', Cap / 2)));
        body["gitops"] = true;

        using var response = await alice.PostAsync("/api/v1/changesets/apply", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = host.Host.App.Services.GetRequiredService<IAuditStore>();
        var record = (await store.QueryAsync(new AuditQuery { Descending = true, Limit = 1 })).Single();
        Assert.Equal("gitops-export", record.Operation);
        Assert.Contains(new string('z', Cap / 2), record.Diff, StringComparison.Ordinal);
    }

    private async Task<long?> AuditHeadAsync() => (await host.Host.App.Services.GetRequiredService<IAuditStore>().HeadAsync())?.Sequence;
}
