namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Node ports as a real API server takes them: the allocator refuses a port outside 30000-32767 or one another
/// Service holds, and validation refuses node ports on a ClusterIP Service and a headless NodePort Service; each is
/// a 422 with the apiserver's message and field, and nothing is stored (docs/sandbox-validation.md).
/// </summary>
public sealed class NodePortValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string Services = "/api/v1/namespaces/{ns}/services";

    /// <summary>What, body, message, causes as "field reason".</summary>
    public static TheoryData<string, string, string, string[]> Cases() => new()
    {
        {
            "a node port below the range", Service("NodePort", """[{"port":80,"nodePort":80}]"""),
            """Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767""",
            ["spec.ports[0].nodePort FieldValueInvalid"]
        },
        {
            "a load balancer's node port above the range", Service("LoadBalancer", """[{"name":"web","port":80,"nodePort":30080},{"name":"tls","port":443,"nodePort":40443}]"""),
            """Service "x" is invalid: spec.ports[1].nodePort: Invalid value: 40443: provided port is not in the valid range. The range of valid ports is 30000-32767""",
            ["spec.ports[1].nodePort FieldValueInvalid"]
        },
        {
            "one node port for two service ports", Service("NodePort", """[{"name":"web","port":80,"nodePort":30080},{"name":"tls","port":443,"nodePort":30080}]"""),
            """Service "x" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated""",
            ["spec.ports[1].nodePort FieldValueInvalid"]
        },
        {
            "a node port on a cluster IP service", Service("ClusterIP", """[{"port":80,"nodePort":30080}]"""),
            """Service "x" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'""",
            ["spec.ports[0].nodePort FieldValueForbidden"]
        },
        {
            "a headless node port service", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"type":"NodePort","clusterIP":"None","ports":[{"port":80}]}}""",
            """Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services""",
            ["spec.clusterIPs[0] FieldValueInvalid"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_node_port_the_apiserver_refuses_is_a_422_and_nothing_is_stored(string what, string body, string message, string[] causes) =>
        RefusedWrites.AssertRefusedAndNotStored(fixture, what, Services, body, 422, "Invalid", message, causes);

    [Fact]
    public async Task A_node_port_another_service_holds_is_refused_and_one_shared_by_tcp_and_udp_is_not()
    {
        using var client = fixture.Client();
        var ns = await client.CreateUniqueNamespaceAsync("valid-");
        using var http = fixture.Http();
        var path = $"/api/v1/namespaces/{ns}/services";
        using var first = await http.PostAsync(path, RefusedWrites.Json(Service("NodePort", """[{"name":"dns","port":53,"protocol":"UDP","nodePort":31553},{"name":"dns-tcp","port":53,"protocol":"TCP","nodePort":31553}]""", "dns")));
        Assert.Equal(201, (int)first.StatusCode);

        using var second = await http.PostAsync(path, RefusedWrites.Json(Service("NodePort", """[{"port":8053,"nodePort":31553}]""", "other")));

        Assert.Equal(422, (int)second.StatusCode);
        Assert.Contains("spec.ports[0].nodePort: Invalid value: 31553: provided port is already allocated", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var read = await http.GetAsync(path + "/other");
        Assert.Equal(404, (int)read.StatusCode);
    }

    private static string Service(string type, string ports, string name = "x") =>
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"" + type + "\",\"selector\":{\"app\":\"x\"},\"ports\":" + ports + "}}";
}
