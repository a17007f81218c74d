using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Connection;
using Kubemate.WebConsole.Session;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests;

/// <summary>
/// A <see cref="ConsoleSession"/> for components that only name the cluster or explain an error: nobody is signed in,
/// and the connection points at an endpoint that is never called (a throwaway CA is enough).
/// </summary>
public static class OfflineSession
{
    public static IServiceCollection AddOfflineSession(this IServiceCollection services, Uri endpoint)
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        services.AddSingleton(ClusterConnection.ForEndpoint(endpoint, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)), "token"));
        services.AddSingleton<AuthenticationStateProvider>(new SignedOut());
        services.AddSingleton(sp => new UserClusters(sp.GetRequiredService<ClusterConnection>(), "offline"));
        services.AddScoped<ConsoleSession>();
        return services;
    }

    private sealed class SignedOut : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));
    }
}
