using System.Data.Common;

namespace Kubemate.Audit.Storage;

/// <summary>The switch point recorded by migration 2: records from <c>keyed_from</c> on are signed with the audit key.</summary>
internal static class AuditChainKeying
{
    /// <summary>
    /// The recorded switch point; 1 (everything signed, the strictest reading) when its row was deleted; when the table
    /// does not exist (a pre-key store opened to verify only), every record predates the key.
    /// </summary>
    public static async Task<long> ReadKeyedFromAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        try
        {
            await using var command = SqlCommands.Create(connection, transaction, "SELECT MIN(keyed_from) FROM audit_chain_keying");
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull ? 1 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException) when (transaction is null)
        {
            await using var count = SqlCommands.Create(connection, null, "SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_records");
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
