using Kubemate.Audit.Sessions;
using Microsoft.Extensions.Hosting;

namespace Kubemate.Host.Audit;

/// <summary>The sign-in sessions in the audit database, opened when the host starts (after the audit store) and closed when it stops.</summary>
public sealed class HostedSessionStore(AuditStoreLocation location, TimeProvider time) : IHostedService
{
    private SqlSessionStore? _inner;

    public SqlSessionStore Sessions => _inner ?? throw new InvalidOperationException("the session store is not open");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _inner = await SqlSessionStore.OpenAsync(location.PostgresConnectionString, location.SqlitePath ?? "", time, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_inner is { } inner)
        {
            _inner = null;
            await inner.DisposeAsync();
        }
    }
}
