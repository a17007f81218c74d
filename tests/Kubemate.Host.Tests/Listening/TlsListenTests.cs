using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubemate.Host.Listening;
using Kubemate.Host.Tests.Support;
using Kubemate.Testing;

namespace Kubemate.Host.Tests.Listening;

/// <summary>
/// <c>serve --tls-cert/--tls-key</c>: the host speaks https only, with the given certificate, and serves a renewed
/// certificate written over the files without a restart.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TlsListenTests(HostFixture host) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubemate-tls-").FullName;

    [Fact]
    public async Task The_host_serves_https_with_the_given_certificate_refuses_plain_http_and_serves_a_renewed_certificate()
    {
        var files = new TlsFiles(Path.Combine(_directory, "tls.crt"), Path.Combine(_directory, "tls.key"));
        var first = WriteSelfSigned(files, "CN=kubemate-first");
        await using var running = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with { Tls = files });

        Assert.Equal("https", running.Url.Scheme);
        Assert.Equal((HttpStatusCode.OK, first), await GetHealthAsync(running.Url));
        using (var plain = new HttpClient())
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new UriBuilder(running.Url) { Scheme = "http" }.Uri + "healthz"));
        }

        var renewed = WriteSelfSigned(files, "CN=kubemate-renewed");
        var served = await Eventually.Until(() => GetHealthAsync(running.Url), r => r.Thumbprint == renewed, "the renewed certificate served");
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.NotEqual(first, renewed);
    }

    /// <summary>A fresh connection each time, so that the handshake shows the certificate served now.</summary>
    private static async Task<(HttpStatusCode Status, string Thumbprint)> GetHealthAsync(Uri url)
    {
        string? seen = null;
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => (seen = certificate?.GetCertHashString()) is not null },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(url, "/healthz"));
        return (response.StatusCode, seen ?? "");
    }

    private static string WriteSelfSigned(TlsFiles files, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Written whole and moved into place, as a renewal does, so a reader never sees half a file.
        Replace(files.KeyPath, key.ExportPkcs8PrivateKeyPem());
        Replace(files.CertificatePath, certificate.ExportCertificatePem());
        return certificate.GetCertHashString();
    }

    private static void Replace(string path, string content)
    {
        var staging = path + ".new";
        File.WriteAllText(staging, content);
        File.Move(staging, path, overwrite: true);
        // A later modification time than the file it replaces, even within the file system's timestamp resolution.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 1000)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
