using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bunit;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Errors;
using Kubemate.WebConsole.Session;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Errors;

public sealed class ErrorNoticeTests : ConsoleTestContext
{
    private static readonly Uri Unreachable = new("https://127.0.0.1:1/");

    public ErrorNoticeTests()
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Bunit.Services.AddSingleton(ClusterConnection.ForEndpoint(Unreachable, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)), "token"));
        Bunit.Services.AddSingleton<AuthenticationStateProvider>(new Anonymous());
        Bunit.Services.AddScoped<ConsoleSession>();
    }

    [Fact]
    public void An_unreachable_cluster_is_shown_in_place_with_what_to_do_and_a_retry()
    {
        var retried = false;
        var error = new HttpRequestException("Connection refused (127.0.0.1:1)");

        var notice = Render<ErrorNotice>(p => p.Add(n => n.Error, error).Add(n => n.OnRetry, () => retried = true));

        var text = notice.Find("[data-testid=error-notice]").TextContent;
        Assert.Contains("The cluster cannot be reached", text);
        Assert.Contains($"endpoint {Unreachable}", text);
        Assert.DoesNotContain("   at ", text);
        notice.Find("[data-testid=retry]").Click();
        Assert.True(retried);
    }

    [Fact]
    public void A_conflict_is_shown_with_kubernetes_message()
    {
        var conflict = new ClusterApiException(HttpStatusCode.Conflict, "Conflict", "Operation cannot be fulfilled on namespaces \"users\": the object has been modified", []);

        var notice = Render<ErrorNotice>(p => p.Add(n => n.Error, conflict));

        Assert.Contains("the object has been modified", notice.Find(".km-server-message").TextContent);
        Assert.Empty(notice.FindAll("[data-testid=retry]"));
    }

    private sealed class Anonymous : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));
    }
}
