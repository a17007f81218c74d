using System.Security.Cryptography;
using System.Text;
using Kubemate.Audit.Trust;

namespace Kubemate.Audit.Hashing;

public static class AuditHasher
{
    /// <summary>Lower-case hex HMAC-SHA256 of the UTF-8 canonical form under the audit key; the record's own <see cref="AuditRecord.Hash"/> is not part of it.</summary>
    public static string Compute(AuditRecord record, AuditKey key) => key.Sign(AuditCanonicalForm.Write(record));

    /// <summary>
    /// Plain SHA-256 of the canonical form: how records were chained before the key existed. Verification still uses it
    /// for those records, and recognises it on newer ones as a re-hash by someone without the key.
    /// </summary>
    public static string ComputeUnkeyed(AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditCanonicalForm.Write(record))));
}
