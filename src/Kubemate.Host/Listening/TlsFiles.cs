namespace Kubemate.Host.Listening;

/// <summary>The PEM files of the host's serving certificate: the certificate (with its chain) and its private key.</summary>
public sealed record TlsFiles(string CertificatePath, string KeyPath);
