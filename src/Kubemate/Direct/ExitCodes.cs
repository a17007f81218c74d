namespace Kubemate.Direct;

/// <summary>What the operations commands return: 0 done, 1 refused or failed (by the cluster or the server), 2 bad usage (nothing changed).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
