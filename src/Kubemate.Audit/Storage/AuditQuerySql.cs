using System.Data.Common;
using System.Text;

namespace Kubemate.Audit.Storage;

/// <summary>Turns an <see cref="AuditQuery"/> page into one SELECT both dialects run unchanged.</summary>
internal static class AuditQuerySql
{
    public static DbCommand Page(DbConnection connection, AuditQuery query, long? afterCursor, int pageSize)
    {
        var sql = new StringBuilder($"SELECT {AuditRecordRows.RecordColumns} FROM audit_records r WHERE 1 = 1");
        var parameters = new List<(string, object?)>();

        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.User is not null)
        {
            Where("r.user_name = @user", "user", query.User);
        }
        if (query.Cluster is not null)
        {
            Where("r.cluster_name = @cluster", "cluster", query.Cluster);
        }
        if (query.Namespace is not null || query.Object?.Kind is not null || query.Object?.Name is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM audit_objects o WHERE o.seq = r.seq");
            if (query.Namespace is not null)
            {
                Where("o.namespace = @namespace", "namespace", query.Namespace);
            }
            if (query.Object?.Kind is { } kind)
            {
                Where("o.kind = @kind", "kind", kind);
            }
            if (query.Object?.Name is { } name)
            {
                Where("o.name = @name", "name", name);
            }
            sql.Append(')');
        }
        if (query.From is { } from)
        {
            Where("r.ts_us >= @from", "from", AuditTime.ToMicroseconds(from));
        }
        if (query.To is { } to)
        {
            Where("r.ts_us < @to", "to", AuditTime.ToMicroseconds(to));
        }
        if (afterCursor is { } cursor)
        {
            Where(query.Descending ? "r.seq < @cursor" : "r.seq > @cursor", "cursor", cursor);
        }
        sql.Append(query.Descending ? " ORDER BY r.seq DESC" : " ORDER BY r.seq ASC").Append(" LIMIT @limit");
        parameters.Add(("limit", (long)pageSize));
        return SqlCommands.Create(connection, null, sql.ToString(), [.. parameters]);
    }
}
