using System.Net;
using System.Net.Sockets;

namespace Kubemate.Host.Tests.Support;

/// <summary>
/// An anonymous API client whose connections come from another loopback address (127.0.0.2, 127.0.0.3…) while
/// still reaching the host on 127.0.0.1: to the host, another client address.
/// </summary>
public static class LoopbackClient
{
    public static ApiClient From(Uri url, string sourceAddress)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return ApiClient.Over(handler, url);
    }
}
