using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Listening;

/// <summary>
/// The serving certificate, read from its PEM files and read again when either file changes, so that a renewed
/// certificate (cert-manager, a rotation job) is served without a restart. The files are looked at, at most once a
/// second, when a TLS handshake asks for the certificate; a renewal that cannot be read keeps the certificate in use
/// and logs why, rather than failing every handshake.
/// </summary>
public sealed class ReloadingCertificate : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly TlsFiles _files;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private (DateTime Certificate, DateTime Key) _stamps;
    private DateTimeOffset _checkedAt;

    /// <exception cref="InvalidOperationException">The files cannot be read as a certificate and its key; the message names them.</exception>
    public ReloadingCertificate(TlsFiles files, TimeProvider time, ILogger logger)
    {
        _files = files;
        _time = time;
        _logger = logger;
        _stamps = Stamps();
        _current = Load(files);
        _checkedAt = time.GetUtcNow();
    }

    /// <summary>The certificate to serve now.</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now - _checkedAt >= CheckEvery)
                {
                    _checkedAt = now;
                    ReloadIfChanged();
                }
                return _current;
            }
        }
    }

    /// <summary>Reads the certificate and key; a problem is an <see cref="InvalidOperationException"/> naming the file.</summary>
    public static X509Certificate2 Load(TlsFiles files)
    {
        foreach (var (path, flag) in new[] { (files.CertificatePath, "--tls-cert"), (files.KeyPath, "--tls-key") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{flag}: {path} does not exist");
            }
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(files.CertificatePath, files.KeyPath);
            // Kestrel on Linux needs the key in a form SslStream can use; an export round trip gives it one.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"--tls-cert/--tls-key: {files.CertificatePath} and {files.KeyPath} are not a PEM certificate and its private key: {error.Message}", error);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
        }
    }

    private void ReloadIfChanged()
    {
        var stamps = Stamps();
        if (stamps == _stamps)
        {
            return;
        }
        try
        {
            var renewed = Load(_files);
            var previous = _current;
            _current = renewed;
            _stamps = stamps;
            previous.Dispose();
            _logger.LogInformation("Serving the renewed certificate {Subject}, valid until {NotAfter:o}", renewed.Subject, renewed.NotAfter);
        }
        catch (InvalidOperationException error)
        {
            // A renewal may be caught half-written (certificate replaced, key not yet): try again at the next check.
            _logger.LogWarning("Keeping the certificate in use: {Reason}", error.Message);
        }
    }

    private (DateTime, DateTime) Stamps() => (File.GetLastWriteTimeUtc(_files.CertificatePath), File.GetLastWriteTimeUtc(_files.KeyPath));
}
