using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Listening;

/// <summary>The host's one endpoint: the configured address and port, https when a certificate is given.</summary>
internal static class KestrelListener
{
    /// <summary>
    /// Kestrel reads this before the options are validated: options that are not valid configure nothing here, and
    /// the validation that follows stops the start naming them. The certificate is read at the first handshake.
    /// </summary>
    public static void Configure(KestrelServerOptions kestrel, KubemateHostOptions options)
    {
        if (options.Port is < 0 or > 65535 || Address(options.ListenAddress) is not { } address)
        {
            return;
        }
        kestrel.Listen(address, options.Port, listen =>
        {
            if (options.Tls is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificateSelector = (_, _) => kestrel.ApplicationServices.GetRequiredService<ReloadingCertificate>().Current,
                });
            }
        });
    }

    // localhost is IPv4 loopback: Kestrel cannot pick a free port for both loopbacks at once.
    private static IPAddress? Address(string text) =>
        string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var address) ? address : null;
}
