using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Auth;

internal static class BearerToken
{
    public static bool TryRead(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            token = header[7..].Trim();
            return token.Length > 0;
        }
        token = "";
        return false;
    }
}
