using Kubemate.Audit;
using Microsoft.Extensions.Hosting;

namespace Kubemate.Host.Audit;

/// <summary>
/// The audit store the host opens when it starts (before it listens) and closes when it stops; until then every
/// call fails, and readiness reports it.
/// </summary>
public sealed class HostedAuditStore(AuditStoreLocation location, TimeProvider time) : IAuditStore, IHostedService
{
    private IAuditStore? _inner;

    public bool IsOpen => _inner is not null;

    public AuditStoreLocation Location { get; } = location;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _inner = await AuditStores.OpenAsync(Location.PostgresConnectionString, Location.SqlitePath ?? "", Location.Options(time), cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_inner is { } inner)
        {
            _inner = null;
            await inner.DisposeAsync();
        }
    }

    private IAuditStore Inner => _inner ?? throw new InvalidOperationException("the audit store is not open");

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => Inner.AppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => Inner.QueryAsync(query, cancellationToken);

    public Task<long> ExportJsonLinesAsync(TextWriter writer, AuditQuery query, CancellationToken cancellationToken = default) =>
        Inner.ExportJsonLinesAsync(writer, query, cancellationToken);

    public Task<AuditVerificationReport> VerifyAsync(CancellationToken cancellationToken = default) => Inner.VerifyAsync(cancellationToken);

    public Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default) => Inner.HeadAsync(cancellationToken);

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));
}
