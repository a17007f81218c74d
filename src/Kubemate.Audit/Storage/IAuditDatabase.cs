using System.Data.Common;

namespace Kubemate.Audit.Storage;

/// <summary>What differs between the backends: how to connect and how to take the store-wide write lock.</summary>
internal interface IAuditDatabase : IAsyncDisposable
{
    string Description { get; }

    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the chain's write lock until it ends, across threads and processes.</summary>
    Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken);
}
