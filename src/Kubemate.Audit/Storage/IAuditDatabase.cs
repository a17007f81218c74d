using System.Data.Common;

namespace Kubemate.Audit.Storage;

/// <summary>What differs between the backends: how to connect and how to take the store-wide write lock.</summary>
internal interface IAuditDatabase : IAsyncDisposable
{
    string Description { get; }

    /// <summary>Why the store's storage is gone or empty (a SQLite file deleted or truncated to zero bytes); null when present.</summary>
    string? CheckPresence();

    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the chain's write lock until it ends, across threads and processes.</summary>
    Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken);
}
