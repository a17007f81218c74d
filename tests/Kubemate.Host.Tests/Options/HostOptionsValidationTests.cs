using Kubemate.Host.Limits;
using Kubemate.Host.Telemetry;
using Kubemate.Host.Listening;
using Kubemate.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Tests.Options;

/// <summary>A bad option stops the host at start, with a message naming the option, before it listens.</summary>
[Collection(HostCollection.Name)]
public sealed class HostOptionsValidationTests(HostFixture host)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "port", "port: 70000 is not from 0 to 65535" },
        { "meshProvider", "meshProvider: \"cilium\" is not one of istio, linkerd" },
        { "listenAddress", "listenAddress: \"not an address\" is not an IP address or localhost" },
        { "host name", "listenAddress: \"kubemate.example\" is not an IP address or localhost" },
        { "clear text off loopback", "listenAddress: 0.0.0.0 is not a loopback address: serve TLS (--tls-cert, --tls-key) or say --insecure-listen" },
        { "missing certificate", "tls: --tls-cert: /nonexistent/tls.crt does not exist" },
        { "clusterMode", "clusterMode: \"cloud\" is not one of sandbox, kubeconfig, in-cluster" },
        { "prometheusUrl", "telemetry.prometheusUrl: \"ftp://metrics/\" must be an absolute http or https URL" },
        { "users", "users: \"alice\" is listed 2 times" },
        { "limits", "limits.mutationBurst: 0 must be at least 1" },
        { "signInWindow", "limits.signInWindow: 00:00:00 must be at least one second" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_host_option_fails_the_start_naming_the_option(string option, string message)
    {
        var good = host.Options(host.FreshAuditStore());
        var bad = option switch
        {
            "port" => good with { Port = 70000 },
            "meshProvider" => good with { MeshProvider = "cilium" },
            "listenAddress" => good with { ListenAddress = "not an address" },
            "host name" => good with { ListenAddress = "kubemate.example" },
            "clear text off loopback" => good with { ListenAddress = "0.0.0.0" },
            "missing certificate" => good with { Tls = new TlsFiles("/nonexistent/tls.crt", "/nonexistent/tls.key") },
            "clusterMode" => good with { ClusterMode = "cloud" },
            "prometheusUrl" => good with { PrometheusUrl = new Uri("ftp://metrics/") },
            "users" => good with { Users = [.. good.Users, good.Users.Single(u => u.Name == "alice")] },
            "limits" => good with { Limits = new RequestLimits { MutationBurst = 0 } },
            "signInWindow" => good with { Limits = new RequestLimits { SignInWindow = TimeSpan.Zero } },
            _ => throw new ArgumentOutOfRangeException(nameof(option)),
        };
        await using var app = KubemateHost.Build(bad);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.StartsWith(message, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_telemetry_options_fail_the_start_naming_each_option()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddKubemateTelemetry(new TelemetryHostOptions { PrometheusUrl = new Uri("ftp://metrics/"), PrometheusTimeout = TimeSpan.Zero });
        using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(
            ["telemetry.prometheusUrl: \"ftp://metrics/\" must be an absolute http or https URL", "telemetry.prometheusTimeout: 00:00:00 must be positive"],
            error.Failures);
    }
}
