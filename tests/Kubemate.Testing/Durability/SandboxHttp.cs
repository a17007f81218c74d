using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace Kubemate.Testing.Durability;

/// <summary>Raw HTTP to a sandbox process as its kubeconfig's user: the bytes the server answers, unparsed.</summary>
public static class SandboxHttp
{
    public static async Task<HttpClient> FromKubeconfigAsync(string kubeconfig)
    {
        var config = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(kubeconfig));
        var authorities = config.SslCaCerts ?? throw new InvalidOperationException($"{kubeconfig} names no certificate authority");
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri(config.Host), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", config.AccessToken);
        return http;
    }
}
