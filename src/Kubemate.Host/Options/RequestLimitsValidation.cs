using Kubemate.Host.Limits;

namespace Kubemate.Host.Options;

/// <summary>The limits' numbers must be positive (and the window at least a second), each failure naming the option.</summary>
internal static class RequestLimitsValidation
{
    public static IEnumerable<string> Check(RequestLimits limits)
    {
        foreach (var (name, value) in new[]
        {
            ("limits.signInFailuresPerUser", limits.SignInFailuresPerUser),
            ("limits.signInFailuresPerAddress", limits.SignInFailuresPerAddress),
            ("limits.mutationBurst", limits.MutationBurst),
            ("limits.mutationsPerMinute", limits.MutationsPerMinute),
            ("limits.auditRecordMaxBytes", limits.AuditRecordMaxBytes),
        })
        {
            if (value < 1)
            {
                yield return $"{name}: {value} must be at least 1";
            }
        }
        if (limits.SignInWindow < TimeSpan.FromSeconds(1))
        {
            yield return $"limits.signInWindow: {limits.SignInWindow} must be at least one second";
        }
        if (limits.AuditRecordMaxBytes > KubemateHost.MaxRequestBodyBytes * 2)
        {
            yield return $"limits.auditRecordMaxBytes: {limits.AuditRecordMaxBytes} is more than twice the largest request body ({KubemateHost.MaxRequestBodyBytes} bytes)";
        }
    }
}
