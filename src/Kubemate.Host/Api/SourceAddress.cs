using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Api;

/// <summary>The client address recorded in the audit trail.</summary>
public static class SourceAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
