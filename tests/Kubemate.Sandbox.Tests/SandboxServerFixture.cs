using k8s;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;

namespace Kubemate.Sandbox.Tests;

/// <summary>An empty sandbox API server on a free loopback port, reached only over HTTP by the tests.</summary>
public sealed class SandboxServerFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(
            new SandboxOptions { WatchHistory = 500 },
            [new SandboxUserSpec("olivia", ["team-orders"]), new SandboxUserSpec("impersonator", ["impersonators"])]);
    }

    public Kubernetes Client(string user = "admin") => new(new KubernetesClientConfiguration
    {
        Host = Server.Url.ToString(),
        SslCaCerts = [Server.Certificates.Authority],
        AccessToken = Server.Users.Single(u => u.Name == user).Token,
    });

    public HttpClient Http(string user = "admin")
    {
        var http = new HttpClient(Server.Certificates.CreateTrustingHandler()) { BaseAddress = Server.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Server.Users.Single(u => u.Name == user).Token);
        return http;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
