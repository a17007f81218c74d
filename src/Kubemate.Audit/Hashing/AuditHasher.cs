using System.Security.Cryptography;
using System.Text;

namespace Kubemate.Audit.Hashing;

public static class AuditHasher
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical form; the record's own <see cref="AuditRecord.Hash"/> is not part of it.</summary>
    public static string Compute(AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditCanonicalForm.Write(record))));
}
