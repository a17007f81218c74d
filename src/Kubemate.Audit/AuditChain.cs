namespace Kubemate.Audit;

public static class AuditChain
{
    /// <summary>The previous hash of record 1.</summary>
    public static readonly string GenesisHash = new('0', 64);
}
