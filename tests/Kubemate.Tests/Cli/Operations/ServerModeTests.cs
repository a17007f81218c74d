using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Audit.Export;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>The CLI in server mode, against a loopback app that speaks the REST contract of <c>kubemate serve</c>.</summary>
public sealed class ServerModeTests : IAsyncLifetime
{
    private const string ConfigMapDiff = """{"before":"data:\n  mode: a\n","after":"data:\n  mode: b\n"}""";
    private const string ConfigMapRef = """{"apiVersion":"v1","kind":"ConfigMap","namespace":"orders","name":"settings"}""";

    private ContractServer _server = null!;
    private readonly TempDirectory _files = new();

    public async Task InitializeAsync() => _server = await ContractServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Dispose();
    }

    private Task<CliResult> Run(params string[] args) => Cli.RunAsync([.. args, "--server", _server.Url.ToString(), "--token", ContractServer.Token]);

    [Fact]
    public async Task Mesh_enable_streams_one_line_per_workload_event_and_a_summary()
    {
        _server.Answer("POST", "/api/v1/namespaces/users/mesh", 202, """{"operationId":"op-1","eventsUrl":"/api/v1/operations/op-1/events"}""");
        _server.Stream("/api/v1/operations/op-1/events",
            """{"sequence":1,"time":"2026-11-25T10:00:00Z","type":"Started","meshedPods":0,"totalPods":2}""",
            """{"sequence":2,"time":"2026-11-25T10:00:01Z","type":"Restarting","kind":"Deployment","workload":"users","meshedPods":0,"totalPods":2}""",
            """{"sequence":3,"time":"2026-11-25T10:00:02Z","type":"Progress","kind":"Deployment","workload":"users","meshedPods":1,"totalPods":2}""",
            """{"sequence":4,"time":"2026-11-25T10:00:03Z","type":"WorkloadDone","kind":"Deployment","workload":"users","meshedPods":2,"totalPods":2}""",
            """{"sequence":5,"time":"2026-11-25T10:00:03Z","type":"WorkloadSkipped","kind":"Deployment","workload":"legacy","meshedPods":0,"totalPods":1,"message":"inject-disabled"}""",
            """{"sequence":6,"time":"2026-11-25T10:00:04Z","type":"Completed","meshedPods":0,"totalPods":0}""");

        var result = await Run("mesh", "enable", "-n", "users", "--max-concurrency", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "started",
                "deployment/users: restarting, 0/2 pods meshed",
                "deployment/users: 1/2 pods meshed",
                "deployment/users: done, 2/2 pods meshed",
                "deployment/legacy: skipped: inject-disabled",
                "completed: 1 done, 1 skipped, 0 failed",
            ],
            Lines(result.StdOut));
        var sent = JsonNode.Parse(_server.Requests.First(r => r.StartsWith("POST /api/v1/namespaces/users/mesh ", StringComparison.Ordinal)).Split(' ', 3)[2])!;
        Assert.True((bool)sent["enable"]!);
        Assert.Equal(2, (int)sent["maxConcurrency"]!);
    }

    [Fact]
    public async Task A_dropped_event_stream_is_resumed_after_the_last_event_seen()
    {
        _server.Answer("POST", "/api/v1/namespaces/users/mesh", 202, """{"operationId":"op-3","eventsUrl":"/api/v1/operations/op-3/events"}""");
        _server.Route("GET", "/api/v1/operations/op-3/events", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            if (context.Request.Headers["Last-Event-ID"].ToString() != "2")
            {
                await context.Response.WriteAsync("""
                    id: 1
                    data: {"sequence":1,"time":"2026-11-25T10:00:00Z","type":"Started","meshedPods":0,"totalPods":1}

                    id: 2
                    data: {"sequence":2,"time":"2026-11-25T10:00:01Z","type":"Restarting","kind":"Deployment","workload":"users","meshedPods":0,"totalPods":1}

                    id: 3
                    data: {"sequence":3,"time":"2026-1
                    """.ReplaceLineEndings("\n"));
                return;
            }
            await context.Response.WriteAsync("""
                id: 3
                data: {"sequence":3,"time":"2026-11-25T10:00:02Z","type":"WorkloadDone","kind":"Deployment","workload":"users","meshedPods":1,"totalPods":1}

                id: 4
                data: {"sequence":4,"time":"2026-11-25T10:00:03Z","type":"Completed","meshedPods":0,"totalPods":0}


                """.ReplaceLineEndings("\n"));
        });

        var result = await Run("mesh", "enable", "-n", "users");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["started", "deployment/users: restarting, 0/1 pods meshed", "deployment/users: done, 1/1 pods meshed", "completed: 1 done, 0 skipped, 0 failed"], Lines(result.StdOut));
        Assert.Contains("GET /api/v1/operations/op-3/events Last-Event-ID=2", _server.Requests);
    }

    [Fact]
    public async Task A_failed_run_prints_the_clusters_reason_and_exits_1()
    {
        _server.Answer("POST", "/api/v1/namespaces/orders/mesh", 202, """{"operationId":"op-2","eventsUrl":"/api/v1/operations/op-2/events"}""");
        _server.Stream("/api/v1/operations/op-2/events",
            """{"sequence":1,"time":"2026-11-25T10:00:00Z","type":"Failed","meshedPods":0,"totalPods":0,"statusCode":403,"message":"namespaces \"orders\" is forbidden: User \"audrey\" cannot patch resource \"namespaces\""}""");

        var result = await Run("mesh", "disable", "-n", "orders", "--workload", "orders");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kubemate mesh disable: denied: namespaces \"orders\" is forbidden", result.StdErr);
        Assert.Contains("\"workload\":\"deployment/orders\"", _server.Requests.First(r => r.StartsWith("POST /api/v1/namespaces/orders/mesh ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_the_server_refuses_prints_its_problem_and_exits_1()
    {
        _server.Problem("POST", "/api/v1/namespaces/payments/mesh", 403, """{"title":"Forbidden","status":403,"detail":"User \"olivia\" cannot patch namespaces in payments"}""");

        var result = await Run("mesh", "enable", "-n", "payments");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("denied: Forbidden: User \"olivia\" cannot patch namespaces in payments", result.StdErr);
    }

    [Fact]
    public async Task Mesh_dry_run_prints_the_plan_as_a_table()
    {
        _server.Answer("POST", "/api/v1/namespaces/users/mesh/plan", 200, """
            {"namespace":"users","enable":true,"injectionDiff":{"before":"","after":"metadata:\n  annotations:\n    linkerd.io/inject: enabled\n"},
             "restarts":[{"kind":"Deployment","name":"users","pods":2,"meshedPods":0}],
             "skipped":[{"kind":"Deployment","name":"legacy","reason":"inject-disabled","detail":"the pod template opts out"}]}
            """);

        var result = await Run("mesh", "enable", "-n", "users", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.StdOut);
        Assert.Contains("+     linkerd.io/inject: enabled", lines);
        Assert.Contains(lines, l => l.StartsWith("WORKLOAD", StringComparison.Ordinal) && l.Contains("ACTION") && l.Contains("REASON"));
        Assert.Contains(lines, l => l.StartsWith("deployment/users", StringComparison.Ordinal) && l.Contains("restart") && l.Contains("0/2 pods meshed"));
        Assert.Contains(lines, l => l.StartsWith("deployment/legacy", StringComparison.Ordinal) && l.Contains("skip") && l.Contains("inject-disabled: the pod template opts out"));
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST /api/v1/namespaces/users/mesh ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_prints_the_previews_diff_then_applies_that_preview()
    {
        _server.Answer("POST", "/api/v1/changesets/preview", 200,
            $$"""{"previewId":"p-1","objects":[{"object":{{ConfigMapRef}},"operation":"Update","status":"DryRunOk","diff":{{ConfigMapDiff}},"conflicts":[]}]}""");
        _server.Answer("POST", "/api/v1/changesets/apply", 200,
            $$"""{"succeeded":true,"objects":[{"object":{{ConfigMapRef}},"operation":"Update","status":"Applied","diff":{{ConfigMapDiff}},"conflicts":[]}]}""");

        var result = await Run("apply", "-f", _files.Write("cm.yaml", OperationManifests.ConfigMap("b")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("-   mode: a", Lines(result.StdOut));
        Assert.Contains("+   mode: b", Lines(result.StdOut));
        Assert.Contains(Lines(result.StdOut), l => l.StartsWith("ConfigMap orders/settings (v1)", StringComparison.Ordinal) && l.Contains("applied"));
        var apply = JsonNode.Parse(_server.Requests.Single(r => r.StartsWith("POST /api/v1/changesets/apply ", StringComparison.Ordinal)).Split(' ', 3)[2])!;
        Assert.Equal("p-1", (string?)apply["previewId"]);
        Assert.False((bool)apply["force"]!);
        var preview = JsonNode.Parse(_server.Requests.Single(r => r.StartsWith("POST /api/v1/changesets/preview ", StringComparison.Ordinal)).Split(' ', 3)[2])!;
        Assert.Contains("name: settings", (string?)preview["yaml"]);
    }

    private const string ConflictProblem = $$"""
        {"title":"Conflict","status":409,"detail":"ConfigMap orders/settings (v1): Conflict: Apply failed with 1 conflict; nothing was changed",
         "errors":{"objects[0]":["Conflict: Apply failed with 1 conflict"]},
         "conflicts":[{"field":".data.mode","manager":"kubectl-edit","message":"conflict with \"kubectl-edit\" using v1"}],
         "objects":[{"object":{{ConfigMapRef}},"operation":"Update","status":"Failed","diff":null,"reason":"Conflict: Apply failed with 1 conflict",
                     "conflicts":[{"field":".data.mode","manager":"kubectl-edit","message":"conflict with \"kubectl-edit\" using v1"}]}]}
        """;

    [Fact]
    public async Task Conflicts_are_listed_by_object_field_and_manager_and_nothing_is_applied()
    {
        _server.Problem("POST", "/api/v1/changesets/preview", 409, ConflictProblem);

        var result = await Run("apply", "-f", _files.Write("cm.yaml", OperationManifests.ConfigMap("b")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Lines(result.StdErr), l => l.Contains("ConfigMap orders/settings (v1)") && l.Contains(".data.mode") && l.Contains("kubectl-edit"));
        Assert.Contains("--force-conflicts", result.StdErr);
        Assert.Contains(Lines(result.StdOut), l => l.StartsWith("ConfigMap orders/settings (v1)", StringComparison.Ordinal) && l.Contains("failed"));
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST /api/v1/changesets/apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Force_conflicts_applies_the_change_set_with_force_when_the_server_kept_no_preview()
    {
        _server.Problem("POST", "/api/v1/changesets/preview", 409, ConflictProblem);
        _server.Answer("POST", "/api/v1/changesets/apply", 200,
            $$"""{"succeeded":true,"objects":[{"object":{{ConfigMapRef}},"operation":"Update","status":"Applied","diff":{{ConfigMapDiff}},"conflicts":[]}]}""");

        var result = await Run("apply", "-f", _files.Write("cm.yaml", OperationManifests.ConfigMap("b")), "--force-conflicts");

        Assert.True(result.ExitCode == 0, result.ToString());
        var apply = JsonNode.Parse(_server.Requests.Single(r => r.StartsWith("POST /api/v1/changesets/apply ", StringComparison.Ordinal)).Split(' ', 3)[2])!;
        Assert.True((bool)apply["force"]!);
        Assert.Contains("mode: b", (string?)apply["yaml"]);
        Assert.Null(apply["previewId"]);
    }

    [Fact]
    public async Task A_conflict_at_apply_time_is_reported_from_the_servers_problem()
    {
        _server.Answer("POST", "/api/v1/changesets/preview", 200,
            $$"""{"previewId":"p-4","objects":[{"object":{{ConfigMapRef}},"operation":"Update","status":"DryRunOk","diff":{{ConfigMapDiff}},"conflicts":[]}]}""");
        _server.Problem("POST", "/api/v1/changesets/apply", 409,
            """{"title":"Conflict","status":409,"detail":"1 field is owned by another manager","conflicts":[{"field":".data.mode","manager":"helm","message":"conflict with \"helm\""}]}""");

        var result = await Run("apply", "-f", _files.Write("cm.yaml", OperationManifests.ConfigMap("b")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Lines(result.StdErr), l => l.Contains(".data.mode") && l.Contains("helm"));
    }

    [Fact]
    public async Task Gitops_mode_writes_the_servers_export_into_the_directory()
    {
        _server.Answer("POST", "/api/v1/changesets/apply", 200, OperationManifests.ConfigMap("b"), "application/yaml");
        var directory = _files.File("repo");

        var result = await Run("apply", "-f", _files.Write("cm.yaml", OperationManifests.ConfigMap("b")), "--gitops-dir", directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("mode: b", await File.ReadAllTextAsync(Path.Combine(directory, "orders_configmap.core_settings.yaml")));
        Assert.Contains("\"gitops\":true", _server.Requests.Single());
    }

    [Fact]
    public async Task Audit_sends_the_filters_and_prints_a_table()
    {
        var record = Record(3, "olivia", "apply");
        _server.Answer("GET", "/api/v1/audit", 200, $"[{AuditJsonLines.Serialize(record)}]");

        var result = await Run("audit", "--user", "olivia", "-n", "orders", "--since", "2026-11-25T10:00:00Z", "--limit", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET /api/v1/audit?user=olivia&namespace=orders&since=2026-11-25T10%3A00%3A00.0000000Z&limit=5", _server.Requests.Single());
        var lines = Lines(result.StdOut);
        Assert.Equal(["SEQ", "TIME", "USER", "OPERATION", "OUTCOME", "OBJECTS"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["3", "2026-11-25T10:30:00Z", "olivia", "apply", "allowed", "configmap/orders/settings"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Audit_verify_exits_1_and_says_where_the_chain_breaks()
    {
        _server.Answer("POST", "/api/v1/audit/verify", 200,
            """{"recordsChecked":4,"head":{"sequence":4,"hash":"ab"},"firstBreak":{"sequence":2,"kind":"HashMismatch","message":"record 2 was edited"},"isValid":false}""");

        var result = await Run("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("audit chain BROKEN at record 2 (HashMismatch): record 2 was edited", result.StdOut);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_exit_1()
    {
        var result = await Cli.RunAsync("audit", "verify", "--server", _server.Url.ToString(), "--token", "wrong");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("denied: Unauthorized: a bearer token is required", result.StdErr);
    }

    [Fact]
    public async Task Direct_mode_flags_with_a_server_are_bad_usage()
    {
        var result = await Run("audit", "--kubeconfig", "/tmp/k", "--audit", "a.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kubeconfig: applies to direct mode only", result.StdErr);
        Assert.Contains("--audit: applies to direct mode only", result.StdErr);
        var mesh = await Run("mesh", "enable", "-n", "users", "--provider", "istio");
        Assert.Equal(2, mesh.ExitCode);
        Assert.Contains("--provider: applies to direct mode only", mesh.StdErr);
        Assert.Empty(_server.Requests);
    }

    private static AuditRecord Record(long sequence, string user, string operation) => new()
    {
        Sequence = sequence,
        Timestamp = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero),
        User = user,
        Groups = ["team-orders"],
        SourceAddress = "10.0.0.1",
        Cluster = "sandbox",
        Operation = operation,
        DryRun = false,
        Outcome = AuditOutcome.Allowed,
        Objects = [new AuditObjectChange("v1", "ConfigMap", "orders", "settings", "update", "applied")],
        Diff = "",
        PreviousHash = new string('0', 64),
        Hash = new string('a', 64),
    };

    internal static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
